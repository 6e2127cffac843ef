package org.auditmanager.tasks;

import java.util.UUID;

/**
 * A feature's rule on who may complete one of its tasks (an impartiality rule, say), checked by
 * {@link TaskActions#complete} before a task is completed. Implementations are Spring beans; the API answers 403
 * with the reason and the page shows it on the form.
 */
public interface TaskCompletionGuard {

    /**
     * @param taskDefinitionKey the task's id in its BPMN process
     * @throws org.auditmanager.common.ForbiddenException with the reason when this person may not complete it
     */
    void check(String taskDefinitionKey, UUID engagementId, String username);
}
