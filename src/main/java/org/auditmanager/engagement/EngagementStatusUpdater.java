package org.auditmanager.engagement;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.auditmanager.common.AuditableChange;
import org.springframework.context.ApplicationEventPublisher;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Moves an engagement's status as its process moves, called from BPMN execution listeners:
 * {@code ${engagementStatus.set(execution, 'PLANNING')}}.
 */
@Component("engagementStatus")
public class EngagementStatusUpdater {

    private final EngagementRepository repository;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EngagementStatusUpdater(EngagementRepository repository, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.events = events;
        this.clock = clock;
    }

    public void set(DelegateExecution execution, String status) {
        UUID engagementId = UUID.fromString((String) execution.getVariable(ProcessVariables.ENGAGEMENT_ID));
        Engagement engagement = repository.findWithoutTeam(engagementId).orElseThrow(() ->
                new IllegalStateException("no engagement " + engagementId + " for process " + execution.getProcessInstanceId()));
        if (status.equals(engagement.status())) {
            return;
        }
        repository.updateStatus(engagementId, status, clock.instant());
        events.publishEvent(new AuditableChange(null, "ENGAGEMENT", engagementId.toString(), "STATUS_CHANGED",
                engagementId, engagement.organisationId(), Map.of("status", engagement.status()),
                Map.of("status", status, "activity", String.valueOf(execution.getCurrentActivityId()))));
    }
}
