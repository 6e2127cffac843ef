package org.auditmanager.soc2;

import java.time.LocalDate;
import java.util.Map;
import org.auditmanager.common.InvalidInputException;

/**
 * The dates of one evidence item that decide whether it is fresh (reference.md F.3).
 *
 * @param shownFrom  first day whose state or control operation the evidence shows
 * @param shownTo    last such day; a screenshot shows one day, so {@code shownFrom == shownTo}
 * @param collectedOn the day it was captured or exported
 * @param selfDated  the evidence carries a trustworthy date of its own (a system log or ticket history with
 *                   timestamps, a signed and dated record), so when it was collected does not matter
 */
public record EvidenceDates(String evidenceId, LocalDate shownFrom, LocalDate shownTo, LocalDate collectedOn,
                            boolean selfDated) {

    public EvidenceDates {
        if (shownFrom == null || shownTo == null || collectedOn == null) {
            throw invalid(evidenceId, "shownFrom", "needs the days it shows and the day it was collected");
        }
        if (shownTo.isBefore(shownFrom)) {
            throw invalid(evidenceId, "shownTo", "cannot show days that end before they start");
        }
        if (shownTo.isAfter(collectedOn)) {
            throw invalid(evidenceId, "shownTo", "cannot show days after the day it was collected");
        }
    }

    private static InvalidInputException invalid(String evidenceId, String field, String problem) {
        String rule = "Evidence %s %s.".formatted(evidenceId, problem);
        return new InvalidInputException(rule, Map.of(field, rule));
    }
}
