package org.auditmanager.tasks;

import org.auditmanager.engagement.Engagement;
import org.camunda.bpm.engine.history.HistoricTaskInstance;

/** A task that is no longer open, with its engagement. */
record ClosedTask(HistoricTaskInstance task, Engagement engagement) {

    String processDefinitionId() {
        return task.getProcessDefinitionId();
    }

    String taskKey() {
        return task.getTaskDefinitionKey();
    }

    TaskItem item() {
        return new TaskItem(task.getId(), task.getName(), task.getTaskDefinitionKey(), engagement.id(),
                engagement.reference(), engagement.title(), engagement.organisationName(), task.getAssignee(),
                task.getDueDate() == null ? null : task.getDueDate().toInstant(),
                task.getStartTime() == null ? null : task.getStartTime().toInstant());
    }
}
