package org.auditmanager.iso;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.UUID;
import org.auditmanager.engagement.ProcessVariables;
import org.auditmanager.evidence.EvidenceRounds;
import org.auditmanager.iso.IsoRecords.AuditRow;
import org.auditmanager.iso.IsoRecords.FindingRow;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * The steps of process {@code iso27001-audit}, the reusable audit (Stage 1, Stage 2, surveillance,
 * recertification, special): it opens the audit row and, once signed off, hands the nonconformities to the caller.
 */
@Component("isoAudit")
public class IsoAuditProcess {

    static final String AUDIT_ID = "auditId";
    static final String AUDIT_TYPE = "auditType";

    private final IsoRecords records;
    private final EvidenceRounds evidenceRounds;
    private final Clock clock;

    IsoAuditProcess(IsoRecords records, EvidenceRounds evidenceRounds, Clock clock) {
        this.records = records;
        this.evidenceRounds = evidenceRounds;
        this.clock = clock;
    }

    public void open(DelegateExecution execution) {
        UUID id = UUID.randomUUID();
        AuditType type = AuditType.valueOf((String) execution.getVariable(AUDIT_TYPE));
        records.insertAudit(id, IsoCycleProcess.engagementId(execution),
                IsoCycleProcess.intVariable(execution, IsoCycleProcess.CYCLE_NO), type, clock.instant());
        execution.setVariable(AUDIT_ID, id.toString());
    }

    /**
     * Opens the audit's evidence round and drafts its requests from the applicable controls (docs/evidence.md,
     * "Evidence rounds"); the lead auditor edits and shares them while "Collect evidence" is open.
     */
    public void openEvidenceRound(DelegateExecution execution) {
        AuditRow audit = audit(execution);
        int drafted = evidenceRounds.open(audit.id(), audit.engagementId(),
                "%s, cycle %d".formatted(label(audit.type(), 0), audit.cycleNo()),
                (String) execution.getVariable(ProcessVariables.LEAD_AUDITOR));
        execution.setVariable("evidenceRequestsDrafted", drafted);
    }

    /** Hands back the recommendation and the ids of the nonconformities, each of which runs iso27001-nonconformity. */
    public void close(DelegateExecution execution) {
        AuditRow audit = audit(execution);
        ArrayList<String> nonconformities = new ArrayList<>(records.findings(audit.id()).stream()
                .filter(finding -> finding.category().isNonconformity())
                .map(FindingRow::id).map(UUID::toString).toList());
        execution.setVariable("ncFindingIds", nonconformities);
        execution.setVariable("recommendation", audit.recommendation());
    }

    /**
     * The timeline key of this audit, recorded when it closes: {@code STAGE1_AUDIT}, {@code STAGE2_AUDIT},
     * {@code FIRST_SURVEILLANCE} / {@code SECOND_SURVEILLANCE} (counted among the cycle's surveillance audits held),
     * {@code RECERTIFICATION_AUDIT}, {@code RECERTIFICATION_STAGE1} (a Stage 1 once the cycle is certified) or
     * {@code SPECIAL_AUDIT.<n>}; prefixed {@code C<n>.} from the second cycle on.
     */
    public String milestoneKey(DelegateExecution execution) {
        AuditRow audit = audit(execution);
        String key = switch (audit.type()) {
            case STAGE1 -> records.currentCertificate(audit.engagementId())
                    .filter(certificate -> certificate.cycleNo() == audit.cycleNo()).isPresent()
                    ? "RECERTIFICATION_STAGE1" : "STAGE1_AUDIT";
            case STAGE2 -> "STAGE2_AUDIT";
            case SURVEILLANCE -> heldInCycle(audit) == 1 ? "FIRST_SURVEILLANCE" : "SECOND_SURVEILLANCE";
            case RECERTIFICATION -> "RECERTIFICATION_AUDIT";
            case SPECIAL -> "SPECIAL_AUDIT." + heldInCycle(audit);
        };
        return IsoCycleProcess.cycleKey(audit.cycleNo(), key);
    }

    /** The label of {@link #milestoneKey}: the timeline's own for the keys it knows, else the audit's name. */
    @Nullable
    public String milestoneLabel(DelegateExecution execution) {
        AuditRow audit = audit(execution);
        return audit.type() == AuditType.SPECIAL ? label(AuditType.SPECIAL, heldInCycle(audit)) : null;
    }

    @Nullable
    public LocalDate plannedEnd(DelegateExecution execution) {
        return audit(execution).plannedEnd();
    }

    @Nullable
    public LocalDate actualEnd(DelegateExecution execution) {
        return audit(execution).actualEnd();
    }

    private long heldInCycle(AuditRow audit) {
        return records.audits(audit.engagementId()).stream()
                .filter(other -> other.cycleNo() == audit.cycleNo() && other.type() == audit.type()
                        && other.actualEnd() != null)
                .count();
    }

    private AuditRow audit(DelegateExecution execution) {
        return records.audit(UUID.fromString((String) execution.getVariable(AUDIT_ID)));
    }

    private static String label(AuditType type, long number) {
        String name = switch (type) {
            case STAGE1 -> "Stage 1 audit";
            case STAGE2 -> "Stage 2 audit";
            case SURVEILLANCE -> "Surveillance audit";
            case RECERTIFICATION -> "Recertification audit";
            case SPECIAL -> "Special audit";
        };
        return number > 0 && (type == AuditType.SURVEILLANCE || number > 1) ? name + " " + number : name;
    }
}
