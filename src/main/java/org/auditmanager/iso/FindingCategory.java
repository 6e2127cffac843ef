package org.auditmanager.iso;

import java.util.Arrays;
import java.util.Optional;

/**
 * What an auditor records (reference.md B.1), with the word the findings form uses for it. Major and minor
 * nonconformities need a response from the client; OFIs and areas of concern do not.
 */
public enum FindingCategory {
    MAJOR_NC("MAJOR"),
    MINOR_NC("MINOR"),
    OFI("OFI"),
    /** Stage 1 only: a potential nonconformity at Stage 2 (A.2, S3) */
    AREA_OF_CONCERN("CONCERN");

    private final String token;

    FindingCategory(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }

    public boolean isNonconformity() {
        return this == MAJOR_NC || this == MINOR_NC;
    }

    /** Stage 1 documents areas of concern, not nonconformities (A.2); the other audits raise nonconformities. */
    public boolean allowedAt(AuditType audit) {
        return audit == AuditType.STAGE1 ? !isNonconformity() : this != AREA_OF_CONCERN;
    }

    static Optional<FindingCategory> ofToken(String token) {
        return Arrays.stream(values()).filter(category -> category.token.equalsIgnoreCase(token)).findFirst();
    }
}
