package org.auditmanager.engagement;

import java.util.UUID;

/** Published inside the creating transaction: a listener that fails rolls the creation back. */
public record EngagementCreated(UUID engagementId, String reference, UUID organisationId, String createdBy) {
}
