package org.auditmanager.evidence;

import java.util.UUID;
import org.auditmanager.engagement.ProcessVariables;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The names the evidence-request process ({@code processes/evidence-request.bpmn}) and this code share. Its
 * variables are ids only: {@code engagementId}, {@code evidenceRequestId}, {@code clientGroup} and
 * {@code leadAuditor}; the business key is the engagement reference.
 */
public final class EvidenceProcess {

    public static final String KEY = "evidence-request";
    public static final String EVIDENCE_REQUEST_ID = "evidenceRequestId";
    /** correlated to one instance to cancel its request */
    public static final String CANCEL_MESSAGE = "EvidenceRequestCancelled";

    static final String PROVIDE_EVIDENCE = "ProvideEvidence";
    static final String REVIEW_EVIDENCE = "ReviewEvidence";

    static final String CLIENT_NOTE = "clientNote";
    static final String DECISION = "decision";
    static final String REVIEW_REASON = "reviewReason";
    static final String ACCEPT = "accept";
    static final String REJECT = "reject";

    private EvidenceProcess() {
    }

    static UUID requestId(VariableScope scope) {
        return UUID.fromString((String) scope.getVariable(EVIDENCE_REQUEST_ID));
    }

    static UUID engagementId(VariableScope scope) {
        return UUID.fromString((String) scope.getVariable(ProcessVariables.ENGAGEMENT_ID));
    }
}
