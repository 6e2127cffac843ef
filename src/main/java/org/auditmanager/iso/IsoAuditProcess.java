package org.auditmanager.iso;

import java.time.Clock;
import java.util.ArrayList;
import java.util.UUID;
import org.auditmanager.iso.IsoRecords.AuditRow;
import org.auditmanager.iso.IsoRecords.FindingRow;
import org.camunda.bpm.engine.delegate.DelegateExecution;
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
    private final Clock clock;

    IsoAuditProcess(IsoRecords records, Clock clock) {
        this.records = records;
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
     * Hands back the recommendation and the ids of the nonconformities, each of which runs process
     * iso27001-nonconformity; records the audit on the engagement's timeline.
     */
    public void close(DelegateExecution execution) {
        AuditRow audit = records.audit(UUID.fromString((String) execution.getVariable(AUDIT_ID)));
        ArrayList<String> nonconformities = new ArrayList<>(records.findings(audit.id()).stream()
                .filter(finding -> finding.category().isNonconformity())
                .map(FindingRow::id).map(UUID::toString).toList());
        execution.setVariable("ncFindingIds", nonconformities);
        execution.setVariable("recommendation", audit.recommendation());
        long held = records.audits(audit.engagementId()).stream()
                .filter(other -> other.cycleNo() == audit.cycleNo() && other.type() == audit.type()
                        && other.actualEnd() != null)
                .count();
        String key = audit.type() == AuditType.SURVEILLANCE
                ? "C%d.SURVEILLANCE.%d".formatted(audit.cycleNo(), held)
                : "C%d.%s.%d".formatted(audit.cycleNo(), audit.type(), held);
        records.milestone(audit.engagementId(), key, label(audit.type(), held), audit.plannedEnd(), null,
                audit.actualEnd());
    }

    private static String label(AuditType type, long number) {
        String name = switch (type) {
            case STAGE1 -> "Stage 1 audit";
            case STAGE2 -> "Stage 2 audit";
            case SURVEILLANCE -> "Surveillance audit";
            case RECERTIFICATION -> "Recertification audit";
            case SPECIAL -> "Special audit";
        };
        return type == AuditType.SURVEILLANCE || number > 1 ? name + " " + number : name;
    }
}
