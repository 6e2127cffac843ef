package org.auditmanager.tasks;

import java.util.UUID;

/**
 * Narrows a task list. All parts optional: engagement, task type (the BPMN task id), assignment
 * ({@code mine}, {@code unassigned}), overdue only, due within N days, and one of the firm's work queues.
 */
public record TaskFilter(UUID engagementId, String taskKey, String assignment, Boolean overdue, Integer dueWithinDays,
                         TaskQueue queue) {

    public static final TaskFilter NONE = new TaskFilter(null, null, null, null, null, null);

    public TaskFilter(UUID engagementId, String taskKey, String assignment, Boolean overdue, Integer dueWithinDays) {
        this(engagementId, taskKey, assignment, overdue, dueWithinDays, null);
    }

    public TaskFilter {
        taskKey = taskKey == null || taskKey.isBlank() ? null : taskKey.strip();
        assignment = "mine".equals(assignment) || "unassigned".equals(assignment) ? assignment : null;
        overdue = Boolean.TRUE.equals(overdue) ? Boolean.TRUE : null;
    }

    public boolean onlyMine() {
        return "mine".equals(assignment);
    }

    public boolean onlyUnassigned() {
        return "unassigned".equals(assignment);
    }

    public boolean isOverdueOnly() {
        return Boolean.TRUE.equals(overdue);
    }

    /** The same filter with the assignment replaced ({@code null} for anyone's). */
    public TaskFilter withAssignment(String value) {
        return new TaskFilter(engagementId, taskKey, value, overdue, dueWithinDays, queue);
    }

    public TaskFilter withOverdue(boolean value) {
        return new TaskFilter(engagementId, taskKey, assignment, value, dueWithinDays, queue);
    }

    public TaskFilter withDueWithinDays(Integer value) {
        return new TaskFilter(engagementId, taskKey, assignment, overdue, value, queue);
    }

    public TaskFilter withQueue(TaskQueue value) {
        return new TaskFilter(engagementId, taskKey, assignment, overdue, dueWithinDays, value);
    }

    public TaskFilter withEngagement(UUID value) {
        return new TaskFilter(value, taskKey, assignment, overdue, dueWithinDays, queue);
    }

    /** True when nothing narrows the list. */
    public boolean isEmpty() {
        return equals(NONE);
    }
}
