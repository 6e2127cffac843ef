package org.auditmanager.timeline;

import java.time.LocalDate;
import java.util.stream.Stream;
import org.springframework.lang.Nullable;

/**
 * One line of an engagement's timeline: a recorded milestone, a date projected by the rules of the framework,
 * or an open task's due date.
 *
 * @param key          stable key: the milestone key ({@code FIRST_SURVEILLANCE}) or {@code task:<task id>}
 * @param windowStart  first day of the window or phase that ends on {@code dueDate}, if there is one
 * @param link         path of the page that shows the entry (a task form), if any
 */
public record TimelineEntry(String key, String label, Phase phase, Kind kind, Source source,
                            @Nullable LocalDate windowStart, @Nullable LocalDate plannedDate,
                            @Nullable LocalDate dueDate, @Nullable LocalDate actualDate,
                            @Nullable MilestoneStatus status, @Nullable String link) {

    /** The groups the chart shows, in this order. */
    public enum Phase {
        INITIAL_AUDIT, SURVEILLANCE, RECERTIFICATION, EXAMINATION, REPORTING, OTHER, TASKS
    }

    public enum Kind {
        /** something must happen by the due date: it can become overdue, and reminders are sent for it */
        DEADLINE,
        /** a date that is reached, not met (certificate expiry, the as-of date of a report) */
        MARKER,
        /** a span of days (observation period, fieldwork, bridge-letter cover) */
        PERIOD
    }

    public enum Source {
        RECORDED, PROJECTED, TASK
    }

    /** The date the entry stands at: when it happened, else when it is due, else when it is planned. */
    @Nullable
    public LocalDate date() {
        return Stream.of(actualDate, dueDate, plannedDate, windowStart).filter(d -> d != null).findFirst()
                .orElse(null);
    }

    /** The earliest date the entry shows, for the chart's range. */
    @Nullable
    public LocalDate earliest() {
        return Stream.of(windowStart, plannedDate, dueDate, actualDate).filter(d -> d != null)
                .min(LocalDate::compareTo).orElse(null);
    }

    /** The latest date the entry shows, for the chart's range. */
    @Nullable
    public LocalDate latest() {
        return Stream.of(windowStart, plannedDate, dueDate, actualDate).filter(d -> d != null)
                .max(LocalDate::compareTo).orElse(null);
    }

    public boolean isOpenDeadline() {
        return kind == Kind.DEADLINE && actualDate == null && dueDate != null;
    }

    TimelineEntry withStatus(MilestoneStatus value) {
        return new TimelineEntry(key, label, phase, kind, source, windowStart, plannedDate, dueDate, actualDate,
                value, link);
    }
}
