package org.auditmanager.tasks;

import java.util.List;
import java.util.Map;
import org.auditmanager.engagement.Engagement;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Everything a task-list page shows: one page of tasks grouped by engagement, the filter and how many tasks
 * each quick filter would show, the choices of the filter form, and the colleagues tasks can be handed to.
 *
 * @param path the page the filters and pager link to ({@code /tasks}, or {@code /} on the home page)
 */
public record TaskWorkspace(String path, TaskFilter filter, TaskPage page, List<TaskGroup> groups,
                            FilterCounts counts, List<Engagement> engagements, Map<String, String> taskTypes,
                            List<Colleague> colleagues) {

    /** The link to the first page of this list under another filter. */
    public String href(TaskFilter other) {
        return href(other, 0);
    }

    /** The link to one page of this list under a filter; empty parts are left out. */
    public String href(TaskFilter other, int pageNumber) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath(path);
        if (other.engagementId() != null) {
            link.queryParam("engagementId", other.engagementId());
        }
        if (other.taskKey() != null) {
            link.queryParam("taskKey", other.taskKey());
        }
        if (other.queue() != null) {
            link.queryParam("queue", other.queue().name());
        }
        if (other.assignment() != null) {
            link.queryParam("assignment", other.assignment());
        }
        if (other.isOverdueOnly()) {
            link.queryParam("overdue", true);
        }
        if (other.dueWithinDays() != null) {
            link.queryParam("dueWithinDays", other.dueWithinDays());
        }
        if (pageNumber > 0) {
            link.queryParam("page", pageNumber);
        }
        return link.encode().build().toUriString();
    }

    /** This page's own link, for the forms on it to come back to. */
    public String self() {
        return href(filter, page.page());
    }

    /** Whether the due-soon quick filter is the one in use. */
    public boolean showsDueSoon() {
        return !filter.isOverdueOnly() && Integer.valueOf(FilterCounts.DUE_SOON_DAYS).equals(filter.dueWithinDays());
    }

    public int dueSoonDays() {
        return FilterCounts.DUE_SOON_DAYS;
    }

    /** The due-soon quick filter: switched on, or off again when it is the one in use. */
    public TaskFilter dueSoonFilter() {
        return filter.withOverdue(false).withDueWithinDays(showsDueSoon() ? null : FilterCounts.DUE_SOON_DAYS);
    }
}
