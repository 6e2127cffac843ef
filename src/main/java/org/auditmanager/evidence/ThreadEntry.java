package org.auditmanager.evidence;

import java.time.Instant;
import java.util.UUID;

/** A comment on a request, or a step of its process (submitted, accepted, rejected with the reason, reminded...). */
public record ThreadEntry(UUID id, Kind kind, String author, String authorName, String body, Instant createdAt) {

    public enum Kind {
        COMMENT,
        SUBMITTED,
        ACCEPTED,
        REJECTED,
        REMINDER,
        CANCELLED,
        REUSED
    }
}
