package org.auditmanager.soc2;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.auditmanager.engagement.EngagementKind;

/** Everything recorded on one SOC 2 examination, as GET /api/engagements/{id}/soc2 shows it. */
public record Soc2Examination(
        UUID engagementId,
        EngagementKind kind,
        LocalDate asOfDate,
        LocalDate periodStart,
        LocalDate periodEnd,
        List<String> readinessDesigners,
        String independenceConflicts,
        String managementSignatory,
        String engagementLetterReference,
        LocalDate engagementLetterSignedOn,
        boolean engagementLetterApproved,
        Set<String> tscCategories,
        String systemBoundaries,
        String cuecs,
        boolean matrixConfirmed,
        String readinessFindings,
        String opinionRationale,
        String assertionSignatory,
        LocalDate assertionSignedOn,
        String systemDescriptionReference,
        LocalDate representationLetterDated,
        String draftReportReference,
        String qualityReviewedBy,
        String partnerSignedBy,
        String rolloverDecidedBy,
        UUID rolledOverFrom,
        UUID rolledOverTo,
        Soc2Report report,
        List<Soc2Control> controls,
        List<SubserviceDefinition> subserviceOrganisations,
        List<BridgeLetter> bridgeLetters) {

    public ReportCoverage coverage() {
        return new ReportCoverage(kind, asOfDate, periodStart, periodEnd);
    }

    public boolean qualityReviewCompleted() {
        return qualityReviewedBy != null;
    }
}
