package org.auditmanager.tasks;

import org.auditmanager.engagement.Engagement;
import org.camunda.bpm.engine.task.Task;

/** A task the caller may see, with its engagement, and whether the caller may work on it. */
record AccessibleTask(Task task, Engagement engagement, boolean workable) {

    TaskItem item() {
        return TaskLists.item(task, engagement);
    }
}
