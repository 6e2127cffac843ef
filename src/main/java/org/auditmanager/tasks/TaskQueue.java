package org.auditmanager.tasks;

import java.util.List;

/**
 * The audit firm's work queues: groups of task types (BPMN task ids) that wait for the same kind of attention.
 * A queue filters the task list like a task type does, with several types at once.
 */
public enum TaskQueue {
    /** evidence a client handed over, waiting for an auditor's accept or reject */
    EVIDENCE_REVIEW(List.of("ReviewEvidence")),
    /** corrective-action plans and nonconformity responses waiting for the lead auditor */
    RESPONSE_REVIEW(List.of("ReviewResponse")),
    /** reports, letters and reviews waiting for a signature */
    SIGN_OFF(List.of("SignOffAudit", "SignOffEngagementLetter", "EngagementQualityReview", "PartnerSignOff")),
    /** decisions on readiness, certification, scope, opinion and rollover */
    DECISION(List.of("DecideReadiness", "CertificationDecision", "MaintainCertification", "RecertificationDecision",
            "ScopeChangeDecision", "ShortNoticeDecision", "WithdrawOrReduce", "DecideOpinion", "DecideRollover"));

    private final List<String> taskKeys;

    TaskQueue(List<String> taskKeys) {
        this.taskKeys = taskKeys;
    }

    public List<String> taskKeys() {
        return taskKeys;
    }
}
