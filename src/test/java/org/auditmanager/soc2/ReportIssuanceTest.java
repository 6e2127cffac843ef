package org.auditmanager.soc2;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportIssuanceTest {

    private final ReportIssuance issuance = new ReportIssuance(Soc2TestProperties.defaults());

    private static IssuanceChecklist ready() {
        return new IssuanceChecklist(true, true, true, true, List.of());
    }

    @Test
    void releasesAReportWhenEverythingIsInPlace() {
        assertThat(issuance.blockers(ready())).isEmpty();
    }

    @Test
    void releasesAReportNotDesignatedForQualityReviewWithoutOne() {
        assertThat(issuance.blockers(new IssuanceChecklist(true, true, false, false, List.of()))).isEmpty();
    }

    @Test
    void blocksUntilManagementsAssertionIsSignedAndTheRepresentationLetterDated() {
        assertThat(issuance.blockers(new IssuanceChecklist(false, false, false, false, List.of()))).containsExactly(
                "Management's written assertion is not signed yet.",
                "The management representation letter is not dated yet.");
    }

    @Test
    void blocksADesignatedEngagementUntilItsQualityReviewIsComplete() {
        assertThat(issuance.blockers(new IssuanceChecklist(true, true, true, false, List.of()))).containsExactly(
                "The engagement quality review is not complete: the report may be released only after it.");
    }

    @Test
    void blocksEveryEngagementWithoutAQualityReviewWhenTheFirmRequiresItForAll() {
        ReportIssuance everyEngagement = new ReportIssuance(Soc2TestProperties.bind(
                Map.of("app.soc2.quality-review.required-for-every-engagement", "true")));

        assertThat(everyEngagement.blockers(new IssuanceChecklist(true, true, false, false, List.of()))).hasSize(1);
    }

    @Test
    void blocksWhileTheTeamIsNotIndependent() {
        IndependenceConflict conflict = new IndependenceConflict("auditor", "auditor designed the client's controls.");

        assertThat(issuance.blockers(new IssuanceChecklist(true, true, false, false, List.of(conflict))))
                .containsExactly("auditor designed the client's controls.");
    }
}
