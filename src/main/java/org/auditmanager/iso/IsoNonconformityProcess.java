package org.auditmanager.iso;

import java.time.LocalDate;
import java.util.Date;
import java.util.UUID;
import org.auditmanager.iso.IsoRecords.FindingRow;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The steps and dates of process {@code iso27001-nonconformity}, one instance per major or minor nonconformity.
 * Its deadlines were set from {@link IsoCyclePolicy} when the finding was recorded (reference.md B.3): the response
 * is due by {@code due_date} (major: verified; minor: plan accepted) and escalated after it; past
 * {@code limit_date} the nonconformity lapses and the cycle applies the audit's consequence.
 */
@Component("isoNc")
public class IsoNonconformityProcess {

    static final String FINDING_ID = "findingId";

    private final IsoRecords records;
    private final EngineDates dates;

    IsoNonconformityProcess(IsoRecords records, EngineDates dates) {
        this.records = records;
        this.dates = dates;
    }

    public void open(DelegateExecution execution) {
        execution.setVariable("major", finding(execution).category() == FindingCategory.MAJOR_NC);
    }

    /** The response task's due date and the moment it becomes overdue. */
    public Date dueDate(DelegateExecution execution) {
        return dates.after(finding(execution).dueDate());
    }

    public Date limitDate(DelegateExecution execution) {
        return dates.after(finding(execution).limitDate());
    }

    // the escalation records the overdue response on the timeline through ${milestones.recordFor(...)}

    public String milestoneKey(DelegateExecution execution) {
        return "NC." + finding(execution).id();
    }

    /** At most the 200 characters a milestone label may have. */
    public String overdueLabel(DelegateExecution execution) {
        String label = "Overdue nonconformity response: " + finding(execution).description();
        return label.length() <= 200 ? label : label.substring(0, 199) + "…";
    }

    public LocalDate responseDue(DelegateExecution execution) {
        return finding(execution).dueDate();
    }

    public void lapse(DelegateExecution execution) {
        records.reviewFinding(finding(execution).id(), "LAPSED", null, dates.today());
    }

    public void close(DelegateExecution execution) {
        FindingRow finding = finding(execution);
        records.reviewFinding(finding.id(), finding.category() == FindingCategory.MAJOR_NC ? "VERIFIED" : "PLAN_ACCEPTED",
                null, dates.today());
    }

    private FindingRow finding(DelegateExecution execution) {
        return records.finding(UUID.fromString((String) execution.getVariable(FINDING_ID)));
    }
}
