package org.auditmanager.evidence;

import java.time.Clock;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Moves a request's status as its process moves, called from BPMN execution listeners:
 * {@code ${evidenceStatus.set(execution, 'SUBMITTED')}}.
 */
@Component("evidenceStatus")
public class EvidenceStatusUpdater {

    private final EvidenceRequestRepository requests;
    private final EvidenceThreadRepository thread;
    private final Clock clock;

    EvidenceStatusUpdater(EvidenceRequestRepository requests, EvidenceThreadRepository thread, Clock clock) {
        this.requests = requests;
        this.thread = thread;
        this.clock = clock;
    }

    /** Also records which instance drives the request: one started here, or one an audit process called. */
    public void set(DelegateExecution execution, String status) {
        UUID requestId = EvidenceProcess.requestId(execution);
        if (requests.updateStatusFromProcess(requestId, EvidenceStatus.valueOf(status),
                execution.getProcessInstanceId(), clock.instant()) != 1) {
            throw new IllegalStateException("no evidence request " + requestId + " for process "
                    + execution.getProcessInstanceId());
        }
    }

    /**
     * The process ended: when not through acceptance or cancellation, something ended it from outside (the
     * calling audit process was cancelled, or an operator deleted the instance), and the request is CANCELLED.
     */
    public void endOfProcess(DelegateExecution execution) {
        UUID requestId = EvidenceProcess.requestId(execution);
        if (requests.cancelUnlessFinal(requestId, clock.instant()) == 1) {
            thread.add(requestId, ThreadEntry.Kind.CANCELLED, null, "The process collecting this evidence was "
                    + "ended from outside, for example because the audit it belonged to was cancelled.", clock.instant());
        }
    }
}
