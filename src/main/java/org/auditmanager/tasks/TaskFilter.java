package org.auditmanager.tasks;

import java.util.UUID;

/**
 * Narrows a task list. All parts optional: engagement, task type (the BPMN task id), assignment
 * ({@code mine}, {@code unassigned}), overdue only, due within N days.
 */
public record TaskFilter(UUID engagementId, String taskKey, String assignment, Boolean overdue, Integer dueWithinDays) {

    public static final TaskFilter NONE = new TaskFilter(null, null, null, null, null);

    public boolean onlyMine() {
        return "mine".equals(assignment);
    }

    public boolean onlyUnassigned() {
        return "unassigned".equals(assignment);
    }
}
