package org.auditmanager.soc2;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Blocks the release of a SOC 2 report until management's assertion is signed, the representation letter is
 * dated, a required engagement quality review is complete and the team is independent (reference.md E.8).
 */
@Component
public class ReportIssuance {

    private final Soc2Properties.QualityReviewRules qualityReview;

    ReportIssuance(Soc2Properties properties) {
        this.qualityReview = properties.qualityReview();
    }

    /** Why the report may not be released yet, in words; empty when it may. */
    public List<String> blockers(IssuanceChecklist checklist) {
        List<String> blockers = new ArrayList<>();
        if (!checklist.managementAssertionSigned()) {
            blockers.add("Management's written assertion is not signed yet.");
        }
        if (!checklist.representationLetterDated()) {
            blockers.add("The management representation letter is not dated yet.");
        }
        boolean reviewRequired = checklist.qualityReviewDesignated() || qualityReview.requiredForEveryEngagement();
        if (reviewRequired && !checklist.qualityReviewCompleted()) {
            blockers.add("The engagement quality review is not complete: the report may be released only after it.");
        }
        checklist.independenceConflicts().forEach(conflict -> blockers.add(conflict.reason()));
        return blockers;
    }
}
