package org.auditmanager.audit;

import java.time.Instant;
import java.util.UUID;

/** One audit-trail entry as stored: who did what to which record, when, from where, before and after. */
public record TrailEntry(long seq, UUID id, Instant occurredAt, String actor, String actorIp, UUID engagementId,
                         UUID organisationId, String entityType, String entityId, String action, String beforeJson,
                         String afterJson, String previousHash, String entryHash) {
}
