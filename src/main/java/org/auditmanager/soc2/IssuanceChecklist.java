package org.auditmanager.soc2;

import java.util.List;

/**
 * What must be in place before the report is released (reference.md E.8, engine rules).
 *
 * @param qualityReviewDesignated the engagement is flagged for an engagement quality review
 * @param independenceConflicts   the result of {@link Soc2Independence#conflicts} for the final team
 */
public record IssuanceChecklist(boolean managementAssertionSigned, boolean representationLetterDated,
                                boolean qualityReviewDesignated, boolean qualityReviewCompleted,
                                List<IndependenceConflict> independenceConflicts) {

    public IssuanceChecklist {
        independenceConflicts = List.copyOf(independenceConflicts);
    }
}
