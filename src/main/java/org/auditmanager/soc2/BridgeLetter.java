package org.auditmanager.soc2;

import java.time.LocalDate;
import java.util.UUID;

/** A management bridge letter signed by the client for the days after the report's last day. */
public record BridgeLetter(UUID id, LocalDate coverFrom, LocalDate coverTo, String materialChanges,
                           String signatory, LocalDate signedOn) {
}
