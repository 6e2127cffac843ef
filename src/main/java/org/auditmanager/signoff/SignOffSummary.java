package org.auditmanager.signoff;

import java.util.List;

/**
 * What a signer is shown and signs: the findings with their state, the items still open, the evidence index with
 * each file's SHA-256, and the report draft. States and report labels are codes (messages.properties words them),
 * so the stored summary does not depend on the language of the page.
 */
public record SignOffSummary(String engagementReference, List<Finding> findings, List<OpenItem> openItems,
                             List<EvidenceEntry> evidence, List<ReportLine> report) {

    public SignOffSummary {
        findings = List.copyOf(findings);
        openItems = List.copyOf(openItems);
        evidence = List.copyOf(evidence);
        report = List.copyOf(report);
    }

    /**
     * An ISO audit finding (kind: its category; audit and cycle: which audit found it) or a SOC 2 control
     * exception (kind: DESIGN or OPERATING; no audit, cycle 0).
     */
    public record Finding(String audit, int cycle, String reference, String kind, String description, String state) {
    }

    /** Something not finished: an open nonconformity, an evidence request, an untested control. */
    public record OpenItem(String reference, String kind, String description, String state) {
    }

    /** The latest file of an evidence request. */
    public record EvidenceEntry(String reference, String title, String state, String filename, int version,
                                String sha256) {
    }

    /**
     * A part of the report draft: what it is (a message key's last part), of which ISO audit (null for SOC 2),
     * and its text; coded when the text is itself a code (an opinion, a recommendation) to be put in words.
     */
    public record ReportLine(String label, String audit, int cycle, String text, boolean coded) {
    }
}
