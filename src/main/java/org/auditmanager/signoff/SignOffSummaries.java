package org.auditmanager.signoff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.auditmanager.common.PageRequest;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.engagement.EngagementKind;
import org.auditmanager.engagement.Framework;
import org.auditmanager.evidence.EvidenceFile;
import org.auditmanager.evidence.EvidenceRequest;
import org.auditmanager.evidence.EvidenceRequestView;
import org.auditmanager.evidence.EvidenceRequests;
import org.auditmanager.iso.IsoAuditReport;
import org.auditmanager.iso.IsoAuditReports;
import org.auditmanager.security.AuthenticatedUser;
import org.auditmanager.soc2.Soc2Control;
import org.auditmanager.soc2.Soc2Examination;
import org.auditmanager.soc2.Soc2Examinations;
import org.auditmanager.soc2.TestResult;
import org.springframework.stereotype.Component;

/**
 * Builds the summary a signer is shown from the engagement's records (ISO audits and findings, or the SOC 2
 * examination; the evidence requests of either), and its digest: SHA-256 over the summary's JSON, which is also
 * what is stored, so the digest can be recomputed from the record.
 */
@Component
class SignOffSummaries {

    private final IsoAuditReports isoAudits;
    private final Soc2Examinations soc2;
    private final EvidenceRequests evidence;
    private final ObjectMapper objectMapper;

    SignOffSummaries(IsoAuditReports isoAudits, Soc2Examinations soc2, EvidenceRequests evidence,
                     ObjectMapper objectMapper) {
        this.isoAudits = isoAudits;
        this.soc2 = soc2;
        this.evidence = evidence;
        this.objectMapper = objectMapper;
    }

    /** The summary of an engagement the user may see (the caller checked that). */
    SignOffSummary of(Engagement engagement, AuthenticatedUser user) {
        List<SignOffSummary.Finding> findings = new ArrayList<>();
        List<SignOffSummary.OpenItem> open = new ArrayList<>();
        List<SignOffSummary.ReportLine> report = new ArrayList<>();
        if (engagement.framework() == Framework.ISO27001) {
            iso(engagement, findings, open, report);
        } else {
            soc2(engagement, user, findings, open, report);
        }
        List<SignOffSummary.EvidenceEntry> index = new ArrayList<>();
        for (EvidenceRequest request : evidence.list(engagement.id(), user, new PageRequest(0, PageRequest.MAX_SIZE))
                .items()) {
            if (!request.status().isFinal()) {
                open.add(new SignOffSummary.OpenItem(request.reference(), "EVIDENCE", request.title(),
                        request.status().name()));
            }
            EvidenceRequestView view = evidence.view(request.id(), user);
            view.files().stream().reduce((first, second) -> second.version() > first.version() ? second : first)
                    .ifPresent(latest -> index.add(entry(request, latest)));
        }
        return new SignOffSummary(engagement.reference(), findings, open, index, report);
    }

    private void iso(Engagement engagement, List<SignOffSummary.Finding> findings,
                     List<SignOffSummary.OpenItem> open, List<SignOffSummary.ReportLine> report) {
        for (IsoAuditReport audit : isoAudits.of(engagement)) {
            String type = audit.type().name();
            for (IsoAuditReport.Finding finding : audit.findings()) {
                String reference = finding.clause() == null ? "" : finding.clause();
                findings.add(new SignOffSummary.Finding(type, audit.cycleNo(), reference, finding.category().name(),
                        finding.description(), finding.status()));
                if (finding.isOpen()) {
                    open.add(new SignOffSummary.OpenItem(reference, finding.category().name(),
                            finding.description(), finding.status()));
                }
            }
            if (audit.report() != null) {
                report.add(new SignOffSummary.ReportLine("auditReport", type, audit.cycleNo(), audit.report(), false));
            }
            if (audit.recommendation() != null) {
                report.add(new SignOffSummary.ReportLine("recommendation", type, audit.cycleNo(),
                        audit.recommendation(), true));
            }
        }
    }

    private void soc2(Engagement engagement, AuthenticatedUser user, List<SignOffSummary.Finding> findings,
                      List<SignOffSummary.OpenItem> open, List<SignOffSummary.ReportLine> report) {
        Soc2Examination examination = soc2.get(engagement.id(), user);
        boolean typeII = examination.kind() == EngagementKind.TYPE_II;
        for (Soc2Control control : examination.controls()) {
            if (control.designResult() == TestResult.EXCEPTION) {
                findings.add(new SignOffSummary.Finding(null, 0, control.reference(), "DESIGN",
                        withNotes(control.description(), control.designFlag()), state(control)));
            }
            if (control.testResult() == TestResult.EXCEPTION) {
                findings.add(new SignOffSummary.Finding(null, 0, control.reference(), "OPERATING",
                        withNotes(control.description(), control.testNotes()), state(control)));
            }
            if (control.designResult() == null || typeII && control.testResult() == null) {
                open.add(new SignOffSummary.OpenItem(control.reference(), "CONTROL", control.description(),
                        "NOT_TESTED"));
            }
        }
        line(report, "draftReport", examination.draftReportReference(), false);
        line(report, "systemDescription", examination.systemDescriptionReference(), false);
        line(report, "assertionSignatory", examination.assertionSignatory(), false);
        if (examination.report() != null) {
            line(report, "proposedOpinion", name(examination.report().proposedOpinion()), true);
            line(report, "proposalReason", examination.report().proposalReason(), false);
            line(report, "opinion", name(examination.report().opinion()), true);
        }
        line(report, "opinionRationale", examination.opinionRationale(), false);
    }

    private static String state(Soc2Control control) {
        return control.managementResponse() == null ? "EXCEPTION" : "RESPONDED";
    }

    private static String withNotes(String description, String notes) {
        return notes == null || notes.isBlank() ? description : description + " — " + notes;
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static void line(List<SignOffSummary.ReportLine> report, String label, String text, boolean coded) {
        if (text != null && !text.isBlank()) {
            report.add(new SignOffSummary.ReportLine(label, null, 0, text, coded));
        }
    }

    private static SignOffSummary.EvidenceEntry entry(EvidenceRequest request, EvidenceFile file) {
        return new SignOffSummary.EvidenceEntry(request.reference(), request.title(), request.status().name(),
                file.filename(), file.version(), file.sha256());
    }

    /** The summary as stored: JSON in the records' declared field order, the same bytes every time. */
    String json(SignOffSummary summary) {
        try {
            return objectMapper.writeValueAsString(summary);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a summary is plain text and numbers", e);
        }
    }

    static String sha256(String json) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
