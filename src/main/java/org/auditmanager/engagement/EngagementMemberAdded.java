package org.auditmanager.engagement;

import java.util.UUID;

/** Published inside the adding transaction, so that access which follows membership follows at once. */
public record EngagementMemberAdded(UUID engagementId, String reference, String username, TeamRole role) {
}
