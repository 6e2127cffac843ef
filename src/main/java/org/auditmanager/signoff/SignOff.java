package org.auditmanager.signoff;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.UUID;

/**
 * One sign-off as it was given: never changed afterwards. {@code summarySha256} is the SHA-256 of
 * {@code summaryJson}, the summary the signer was shown.
 *
 * @param version 1 for the first sign-off of a step of a process instance, 2 after it was returned and signed
 *                again, and so on
 * @param outcome the value the form recorded (grant, changes, sign, ...), of which decision is the meaning
 */
public record SignOff(UUID id, UUID engagementId, String taskId, String taskKey, String taskName, int version,
                      SignOffDecision decision, String outcome, String comment, String signedBy,
                      String signerDisplayName, String typedName, @JsonIgnore String summaryJson,
                      String summarySha256, Instant signedAt) {
}
