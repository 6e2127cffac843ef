package org.auditmanager.soa;

import java.util.UUID;

/** A version of an engagement's Statement of Applicability was approved and is now the one in force. */
public record SoaApproved(UUID engagementId, UUID soaVersionId, int version, String approvedBy) {
}
