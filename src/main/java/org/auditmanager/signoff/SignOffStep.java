package org.auditmanager.signoff;

import java.util.Map;
import java.util.Optional;

/**
 * A task that is signed: which field of its form holds the decision, what each of its values means, and which
 * field holds the comment (null when the form has none).
 */
record SignOffStep(String taskKey, String decisionField, Map<String, SignOffDecision> outcomes, String commentField) {

    /** The field of every sign-off form (forms/*.form) in which the signer types their full name. */
    static final String SIGNER_NAME_FIELD = "signerName";
    /** The hidden field with the digest of the summary the page showed. */
    static final String SUMMARY_DIGEST_FIELD = "summaryDigest";

    private static final Map<String, SignOffStep> STEPS = Map.of(
            "SignOffAudit", new SignOffStep("SignOffAudit", "recommendation",
                    Map.of("recommend", SignOffDecision.APPROVE, "doNotRecommend", SignOffDecision.REFUSE), null),
            "CertificationDecision", new SignOffStep("CertificationDecision", "decision",
                    Map.of("grant", SignOffDecision.APPROVE, "refuse", SignOffDecision.REFUSE), "decisionReason"),
            "EngagementQualityReview", new SignOffStep("EngagementQualityReview", "reviewOutcome",
                    Map.of("approve", SignOffDecision.APPROVE, "changes", SignOffDecision.RETURN), "reviewNotes"),
            "PartnerSignOff", new SignOffStep("PartnerSignOff", "signOffDecision",
                    Map.of("sign", SignOffDecision.APPROVE, "return", SignOffDecision.RETURN), "signOffNotes"));

    static Optional<SignOffStep> of(String taskKey) {
        return Optional.ofNullable(STEPS.get(taskKey));
    }

    SignOffDecision decisionFor(Object outcome) {
        SignOffDecision decision = outcomes.get(String.valueOf(outcome));
        if (decision == null) {
            // the form's own validation allows only its options; anything else is a form out of step with this table
            throw new IllegalStateException("no sign-off decision for " + taskKey + " = " + outcome);
        }
        return decision;
    }
}
