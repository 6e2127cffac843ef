package org.auditmanager.engagement;

import java.time.Clock;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Moves an engagement's status as its process moves, called from BPMN execution listeners:
 * {@code ${engagementStatus.set(execution, 'PLANNING')}}.
 */
@Component("engagementStatus")
public class EngagementStatusUpdater {

    private final EngagementRepository repository;
    private final Clock clock;

    EngagementStatusUpdater(EngagementRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    public void set(DelegateExecution execution, String status) {
        UUID engagementId = UUID.fromString((String) execution.getVariable(ProcessVariables.ENGAGEMENT_ID));
        if (repository.updateStatus(engagementId, status, clock.instant()) != 1) {
            throw new IllegalStateException("no engagement " + engagementId + " for process " + execution.getProcessInstanceId());
        }
    }
}
