package org.auditmanager.timeline;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.auditmanager.engagement.Engagement;

/** An engagement's milestones, projected dates and open task due dates, in chart order, as of {@code today}. */
public record Timeline(Engagement engagement, LocalDate today, List<TimelineEntry> entries) {

    public Timeline {
        entries = List.copyOf(entries);
    }

    /** The soonest deadline still to meet from today on. */
    public Optional<TimelineEntry> nextDeadline() {
        return entries.stream().filter(TimelineEntry::isOpenDeadline)
                .filter(entry -> !entry.dueDate().isBefore(today))
                .min(Comparator.comparing(TimelineEntry::dueDate));
    }

    public long count(MilestoneStatus status) {
        return entries.stream().filter(TimelineEntry::isOpenDeadline).filter(entry -> entry.status() == status)
                .count();
    }

    public long overdueCount() {
        return count(MilestoneStatus.OVERDUE);
    }

    public long dueSoonCount() {
        return count(MilestoneStatus.DUE_SOON);
    }

    /** Every deadline due in the given month, met or not, soonest first. */
    public List<TimelineEntry> deadlinesIn(YearMonth month) {
        return entries.stream().filter(entry -> entry.kind() == TimelineEntry.Kind.DEADLINE && entry.dueDate() != null)
                .filter(entry -> YearMonth.from(entry.dueDate()).equals(month))
                .sorted(Comparator.comparing(TimelineEntry::dueDate)).toList();
    }
}
