package org.auditmanager.soc2;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One sampled occurrence of a control, which the client answers with evidence.
 *
 * @param windowFrom     first day the occurrence's evidence may show
 * @param freshnessFlag  why the evidence may not prove the occurrence (reference.md F.3); null when fresh
 */
public record Soc2Sample(UUID id, int index, String label, LocalDate windowFrom, LocalDate windowTo,
                         String evidenceReference, LocalDate shownFrom, LocalDate shownTo, LocalDate collectedOn,
                         Boolean selfDated, String freshnessFlag) {
}
