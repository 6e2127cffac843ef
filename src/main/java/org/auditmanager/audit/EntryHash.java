package org.auditmanager.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * SHA-256 over every field of an entry and the previous entry's hash. Fields are length-prefixed so that no
 * two different entries serialise to the same text.
 */
final class EntryHash {

    private EntryHash() {
    }

    static String of(TrailEntry entry) {
        String canonical = Stream.of(entry.seq(), entry.id(), entry.occurredAt(), entry.actor(), entry.actorIp(),
                        entry.engagementId(), entry.organisationId(), entry.entityType(), entry.entityId(),
                        entry.action(), entry.beforeJson(), entry.afterJson(), entry.previousHash())
                .map(value -> Objects.toString(value, "\u2400"))
                .map(value -> value.length() + ":" + value)
                .collect(Collectors.joining("|"));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
