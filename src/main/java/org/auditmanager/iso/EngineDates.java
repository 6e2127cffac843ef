package org.auditmanager.iso;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * Dates for the engine: timer and task due dates as {@link Date}s, "today" from the application's clock. Every rule
 * date is inclusive (the last day on which something may still happen), so the timer that acts on its passing
 * fires at the start of the following day.
 */
@Component
class EngineDates {

    private final Clock clock;

    EngineDates(Clock clock) {
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The first moment after {@code lastDay} has passed. */
    Date after(LocalDate lastDay) {
        return startOf(lastDay.plusDays(1));
    }

    Date startOf(LocalDate day) {
        return Date.from(day.atStartOfDay(clock.getZone()).toInstant());
    }
}
