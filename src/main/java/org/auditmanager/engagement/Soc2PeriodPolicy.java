package org.auditmanager.engagement;

import java.time.LocalDate;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * SOC 2 Type II observation period limits (market convention, reference.md E.2): at least 3 months for a
 * first report, at most 12. A judgement call, so both are properties ({@code app.soc2.period.*}).
 */
@ConfigurationProperties("app.soc2.period")
public record Soc2PeriodPolicy(@DefaultValue("3") int minimumMonths, @DefaultValue("12") int maximumMonths) {

    /** Empty when the period is acceptable, otherwise the rule it breaks, in words. */
    public Optional<String> violation(LocalDate start, LocalDate end) {
        if (!end.isAfter(start)) {
            return Optional.of("The period must end after it starts.");
        }
        // a period of N months runs from its first day to the day before the same date N months later
        if (end.isBefore(start.plusMonths(minimumMonths).minusDays(1))) {
            return Optional.of("A Type II observation period must cover at least %d months (%s to %s is shorter)."
                    .formatted(minimumMonths, start, end));
        }
        if (end.isAfter(start.plusMonths(maximumMonths).minusDays(1))) {
            return Optional.of("A Type II observation period may cover at most %d months (%s to %s is longer)."
                    .formatted(maximumMonths, start, end));
        }
        return Optional.empty();
    }
}
