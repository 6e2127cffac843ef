package org.auditmanager.common;

import java.util.Map;
import java.util.UUID;

/**
 * A state change worth recording in the tamper-evident audit trail. Features publish it inside the transaction
 * that makes the change, so the trail entry commits or rolls back with it. {@code actor} is the user name, or
 * null for "whoever is signed in" (the engine's timers record as {@code system}). {@code before} and
 * {@code after} are small maps of the fields that changed (null when there was nothing before or after).
 */
public record AuditableChange(String actor, String entityType, String entityId, String action, UUID engagementId,
                              UUID organisationId, Map<String, ?> before, Map<String, ?> after) {

    public static AuditableChange created(String actor, String entityType, Object entityId, UUID engagementId,
                                          UUID organisationId, Map<String, ?> after) {
        return new AuditableChange(actor, entityType, String.valueOf(entityId), "CREATED", engagementId,
                organisationId, null, after);
    }
}
