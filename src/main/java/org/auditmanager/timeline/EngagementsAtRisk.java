package org.auditmanager.timeline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.auditmanager.common.PageRequest;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.engagement.Engagements;
import org.auditmanager.security.AuthenticatedUser;
import org.auditmanager.tasks.TaskFilter;
import org.auditmanager.tasks.TaskLists;
import org.springframework.stereotype.Service;

/**
 * The engagements that need attention now: those with overdue tasks, overdue deadlines, or a deadline whose
 * window is closing (due soon: within the reminder lead time). Deadlines come from the timelines' milestones and
 * projected dates; overdue tasks from the task list under the same filter, so an auditor sees only the
 * engagements they are on and a client never another organisation's. A few queries for all engagements together.
 */
@Service
public class EngagementsAtRisk {

    /**
     * One engagement at risk: its overdue tasks, overdue and closing deadlines, and the deadline to look at
     * first (the earliest overdue or closing one, else the next one).
     */
    public record AtRisk(Engagement engagement, long overdueTasks, long overdueDeadlines, long closingDeadlines,
                         TimelineEntry next) {

        public long overdue() {
            return overdueTasks + overdueDeadlines;
        }
    }

    private final Engagements engagements;
    private final Timelines timelines;
    private final TaskLists tasks;

    EngagementsAtRisk(Engagements engagements, Timelines timelines, TaskLists tasks) {
        this.engagements = engagements;
        this.timelines = timelines;
        this.tasks = tasks;
    }

    public List<AtRisk> of(AuthenticatedUser user, TaskFilter filter) {
        List<Engagement> visible = filter.engagementId() != null
                ? engagements.isVisible(filter.engagementId(), user)
                        ? List.of(engagements.get(filter.engagementId(), user)) : List.of()
                : allVisible(user);
        Map<UUID, Long> overdueTasks = tasks.overdueByEngagement(user, filter);
        List<AtRisk> atRisk = new ArrayList<>();
        for (Timeline timeline : timelines.milestonesOf(visible)) {
            long late = overdueTasks.getOrDefault(timeline.engagement().id(), 0L);
            AtRisk row = new AtRisk(timeline.engagement(), late, timeline.overdueCount(), timeline.dueSoonCount(),
                    mostUrgent(timeline));
            if (row.overdue() > 0 || row.closingDeadlines() > 0) {
                atRisk.add(row);
            }
        }
        atRisk.sort(Comparator.comparingLong(AtRisk::overdue).reversed()
                .thenComparing(row -> row.next() == null ? LocalDate.MAX : row.next().dueDate())
                .thenComparing(row -> row.engagement().reference()));
        return atRisk;
    }

    private static TimelineEntry mostUrgent(Timeline timeline) {
        return timeline.entries().stream().filter(TimelineEntry::isOpenDeadline)
                .filter(entry -> entry.status() == MilestoneStatus.OVERDUE || entry.status() == MilestoneStatus.DUE_SOON)
                .min(Comparator.comparing(TimelineEntry::dueDate))
                .or(timeline::nextDeadline)
                .orElse(null);
    }

    private List<Engagement> allVisible(AuthenticatedUser user) {
        List<Engagement> visible = new ArrayList<>();
        for (int page = 0; ; page++) {
            List<Engagement> batch = engagements.visibleTo(user, page, PageRequest.MAX_SIZE);
            visible.addAll(batch);
            if (batch.size() < PageRequest.MAX_SIZE) {
                return visible;
            }
        }
    }
}
