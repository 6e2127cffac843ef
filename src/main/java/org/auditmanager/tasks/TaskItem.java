package org.auditmanager.tasks;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A user task as the task lists and the API show it, with the engagement it belongs to. */
public record TaskItem(String id, String name, String taskKey, UUID engagementId, String engagementReference,
                       String engagementTitle, String organisationName, String assignee, Instant due,
                       Instant created) {

    /** How close a due date must be to stand out in the lists (the 3-day reminder of reference.md H). */
    static final Duration DUE_SOON = Duration.ofDays(3);

    public boolean isOverdue(Instant now) {
        return due != null && due.isBefore(now);
    }

    /** CSS class of the due date: overdue, due-soon or nothing. */
    public String dueState(Instant now) {
        if (isOverdue(now)) {
            return "overdue";
        }
        return due != null && due.isBefore(now.plus(DUE_SOON)) ? "due-soon" : "";
    }
}
