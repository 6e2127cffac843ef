package org.auditmanager.evidence;

import java.time.LocalDate;
import java.util.Arrays;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.engagement.EngagementKind;
import org.springframework.format.annotation.DateTimeFormat;

/** The request page form, bound field by field; control ids are typed as one list ("A.5.15, A.8.2"). */
public class EvidenceRequestForm {

    /** a new request is due two weeks after it is drafted unless the auditor says otherwise */
    static final int DEFAULT_DAYS_TO_DUE = 14;

    private String title;
    private String description;
    private String controlIds;
    private String owner;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate dueDate;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate periodStart;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate periodEnd;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate asOfDate;

    /** A new request prefilled from its engagement: a SOC 2 report's period or as-of date. */
    static EvidenceRequestForm forEngagement(Engagement engagement, LocalDate today) {
        EvidenceRequestForm form = new EvidenceRequestForm();
        form.dueDate = today.plusDays(DEFAULT_DAYS_TO_DUE);
        if (engagement.kind() == EngagementKind.TYPE_II) {
            form.periodStart = engagement.periodStart();
            form.periodEnd = engagement.periodEnd();
        } else {
            form.asOfDate = engagement.kind() == EngagementKind.TYPE_I ? engagement.asOfDate() : today;
        }
        return form;
    }

    static EvidenceRequestForm of(EvidenceRequest request) {
        EvidenceRequestForm form = new EvidenceRequestForm();
        form.title = request.title();
        form.description = request.description();
        form.controlIds = String.join(", ", request.controlIds());
        form.owner = request.owner();
        form.dueDate = request.dueDate();
        form.periodStart = request.periodStart();
        form.periodEnd = request.periodEnd();
        form.asOfDate = request.asOfDate();
        return form;
    }

    NewEvidenceRequest toRequest() {
        return new NewEvidenceRequest(title, description, controlIds == null ? null
                : Arrays.stream(controlIds.split("[,;\\s]+")).filter(id -> !id.isBlank()).toList(),
                owner, dueDate, periodStart, periodEnd, asOfDate);
    }

    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getControlIds() { return controlIds; }
    public void setControlIds(String controlIds) { this.controlIds = controlIds; }
    public String getOwner() { return owner; }
    public void setOwner(String owner) { this.owner = owner; }
    public LocalDate getDueDate() { return dueDate; }
    public void setDueDate(LocalDate dueDate) { this.dueDate = dueDate; }
    public LocalDate getPeriodStart() { return periodStart; }
    public void setPeriodStart(LocalDate periodStart) { this.periodStart = periodStart; }
    public LocalDate getPeriodEnd() { return periodEnd; }
    public void setPeriodEnd(LocalDate periodEnd) { this.periodEnd = periodEnd; }
    public LocalDate getAsOfDate() { return asOfDate; }
    public void setAsOfDate(LocalDate asOfDate) { this.asOfDate = asOfDate; }
}
