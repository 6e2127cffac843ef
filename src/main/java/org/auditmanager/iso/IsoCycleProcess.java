package org.auditmanager.iso;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.UUID;
import org.auditmanager.engagement.ProcessVariables;
import org.auditmanager.iso.IsoRecords.AuditRow;
import org.auditmanager.iso.IsoRecords.CertificateRow;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * The steps and dates of process {@code iso27001-certification-cycle}, called from its BPMN as
 * {@code ${isoCycle.method(execution)}} (public, so that the expression language can call it). Every date comes from {@link IsoCyclePolicy} applied to what our tables
 * hold, so the properties of {@code app.iso.cycle.*} move the timers.
 */
@Component("isoCycle")
public class IsoCycleProcess {

    static final String CYCLE_NO = "cycleNo";
    static final String DECISION_MAKER = "decisionMaker";
    static final String SURVEILLANCE_NO = "surveillanceNo";
    static final String STAGE1_CONFIRMED_ON = "stage1ConfirmedOn";
    static final String SYSTEM = "system";

    private final IsoRecords records;
    private final IsoCyclePolicy policy;
    private final AuditTime auditTime;
    private final EngineDates dates;
    private final Clock clock;

    IsoCycleProcess(IsoRecords records, IsoCyclePolicy policy, AuditTime auditTime, EngineDates dates, Clock clock) {
        this.records = records;
        this.policy = policy;
        this.auditTime = auditTime;
        this.dates = dates;
        this.clock = clock;
    }

    static UUID engagementId(DelegateExecution execution) {
        return UUID.fromString((String) execution.getVariable(ProcessVariables.ENGAGEMENT_ID));
    }

    static int intVariable(DelegateExecution execution, String name) {
        return ((Number) execution.getVariable(name)).intValue();
    }

    @Nullable
    static LocalDate dateVariable(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : LocalDate.parse(value.toString());
    }

    // application and programme

    /**
     * Records the reviewed application and its audit time (ISO/IEC 27006 chart through {@link AuditTime}), names
     * the decision maker, and decides impartiality (A1.5: no certification within 2 years of our consultancy).
     */
    public void recordProgramme(DelegateExecution execution) {
        UUID engagementId = engagementId(execution);
        int persons = intVariable(execution, "personsInScope");
        LocalDate consultancyEnded = dateVariable(execution, "consultancyEndedOn");
        AuditDays days = auditTime.forPersonsInScope(persons);
        records.saveProgramme(engagementId, persons, (String) execution.getVariable("sites"),
                (String) execution.getVariable("scopeStatement"), consultancyEnded, days, clock.instant());
        LocalDate today = dates.today();
        boolean impartial = consultancyEnded == null
                || !today.isBefore(policy.firstDayAfterConsultancyCoolingOff(consultancyEnded));
        if (!impartial) {
            records.insertDecision(engagementId, null, "APPLICATION", "REFUSED",
                    "Consultancy to this client ended on %s; certification is possible from %s (ISO/IEC 17021-1, 5.2.7)."
                            .formatted(consultancyEnded, policy.firstDayAfterConsultancyCoolingOff(consultancyEnded)),
                    SYSTEM, today);
        }
        execution.setVariable("impartial", impartial);
        execution.setVariable(DECISION_MAKER, records.decisionMaker(engagementId).orElse(null));
        execution.setVariable(CYCLE_NO, 1);
    }

    // Stage 1 → Stage 2

    /** A.3: the moment the maximum interval after Stage 1 (or after the last validity confirmation) has passed. */
    public Date stage1IntervalEnds(DelegateExecution execution) {
        return dates.after(policy.latestStage2Start(stage1Base(execution)));
    }

    /** The day the Stage 1 interval counts from: Stage 1's last day, or the last "still valid" confirmation. */
    LocalDate stage1Base(DelegateExecution execution) {
        LocalDate stage1LastDay = records.lastHeld(engagementId(execution), AuditType.STAGE1)
                .map(AuditRow::actualEnd).orElseThrow(() -> new IllegalStateException("no Stage 1 held"));
        LocalDate confirmed = dateVariable(execution, STAGE1_CONFIRMED_ON);
        return confirmed != null && confirmed.isAfter(stage1LastDay) ? confirmed : stage1LastDay;
    }

    // nonconformities

    /** Whether a nonconformity of the audit stayed open past its limit (B.3); the gateway after it decides. */
    public void assessNonconformities(DelegateExecution execution, String auditId) {
        execution.setVariable("majorLimitPassed", records.anyLapsed(UUID.fromString(auditId)));
    }

    // certificates

    /** A1.2, A1.3: the first certificate, effective from the decision; the surveillance counts from it. */
    public void issueInitialCertificate(DelegateExecution execution) {
        UUID engagementId = engagementId(execution);
        int cycleNo = intVariable(execution, CYCLE_NO);
        LocalDate today = dates.today();
        CertificateTerm term = policy.initialCertificate(today);
        issue(execution, engagementId, cycleNo, term);
        execution.setVariable("cycleStart", today.toString());
        execution.setVariable(SURVEILLANCE_NO, 1);
    }

    /**
     * A7.4 on time, A7.6/A7.7 within 6 months after expiry: the renewed or restored certificate, its cycle and the
     * surveillance that follows it.
     */
    public void renewCertificate(DelegateExecution execution) {
        UUID engagementId = engagementId(execution);
        CertificateRow previous = current(engagementId);
        LocalDate today = dates.today();
        CertificateTerm term = policy.renewedCertificate(previous.expiry(), today);
        int cycleNo = intVariable(execution, CYCLE_NO) + 1;
        issue(execution, engagementId, cycleNo, term);
        execution.setVariable(CYCLE_NO, cycleNo);
        execution.setVariable("cycleStart", policy.renewedCycleStart(previous.expiry(), term).toString());
        execution.setVariable(SURVEILLANCE_NO, 1);
        execution.setVariable("renewed", true);
    }

    private void issue(DelegateExecution execution, UUID engagementId, int cycleNo, CertificateTerm term) {
        String reference = execution.getProcessBusinessKey();
        String number = "ISMS-%s-%d%s".formatted(reference, cycleNo, term.restoredAfterLapse() ? "R" : "");
        String scope = textOr(execution.getVariable("certificateScope"),
                records.programme(engagementId).map(IsoRecords.Programme::scopeStatement).orElseThrow());
        records.insertCertificate(UUID.randomUUID(), engagementId, number, cycleNo, term, scope,
                (String) execution.getVariable("soaVersion"), clock.instant());
    }

    private static String textOr(@Nullable Object text, String fallback) {
        return text == null || text.toString().isBlank() ? fallback : text.toString();
    }

    // surveillance

    /** A6.2 for the first surveillance of a cycle, A6.1 and the configured interval for the second. */
    public LocalDate surveillanceDue(DelegateExecution execution) {
        if (intVariable(execution, SURVEILLANCE_NO) == 1) {
            return policy.firstSurveillanceDue(dateVariable(execution, "cycleStart"));
        }
        LocalDate firstHeld = records.lastHeld(engagementId(execution), AuditType.SURVEILLANCE)
                .map(AuditRow::actualEnd).orElseThrow(() -> new IllegalStateException("no surveillance held"));
        return policy.secondSurveillanceWindow(firstHeld).due();
    }

    /** When the planning of the next surveillance opens. */
    public Date surveillancePlanningOpens(DelegateExecution execution) {
        return dates.startOf(policy.surveillancePlanningStarts(surveillanceDue(execution)));
    }

    /** A6.5: a surveillance audit not held by its due date escalates to suspension the day after. */
    public Date surveillanceOverdueAt(DelegateExecution execution) {
        return dates.after(surveillanceDue(execution));
    }

    public void recordOverdueSurveillance(DelegateExecution execution) {
        records.insertEvent(engagementId(execution), CycleEvent.SUSPEND.type(),
                "Surveillance audit %d was not held by %s (ISO/IEC 17021-1, 9.6.2; suspension per 9.6.5)."
                        .formatted(intVariable(execution, SURVEILLANCE_NO), surveillanceDue(execution)),
                SYSTEM, clock.instant());
    }

    public void recordLapsedNonconformity(DelegateExecution execution) {
        records.insertEvent(engagementId(execution), CycleEvent.SUSPEND.type(),
                "A major nonconformity of the surveillance audit was not verified in time (reference.md B.3).",
                SYSTEM, clock.instant());
    }

    public void nextSurveillance(DelegateExecution execution) {
        execution.setVariable(SURVEILLANCE_NO, intVariable(execution, SURVEILLANCE_NO) + 1);
    }


    // recertification and expiry

    /** A7.9: recertification planning opens the configured time before expiry. */
    public Date recertificationPlanningStarts(DelegateExecution execution) {
        UUID engagementId = engagementId(execution);
        CertificateRow certificate = current(engagementId);
        LocalDate starts = policy.recertificationPlanningStarts(certificate.expiry());
        execution.setVariable("renewed", false);
        return dates.startOf(starts);
    }

    public Date certificateExpiresAt(DelegateExecution execution) {
        return dates.after(current(engagementId(execution)).expiry());
    }

    /** A7.6: past the restoration window, nothing is left to renew. */
    public Date restorationWindowClosesAt(DelegateExecution execution) {
        return dates.after(policy.restorationDeadline(current(engagementId(execution)).expiry()));
    }

    public void expireCertificate(DelegateExecution execution) {
        CertificateRow certificate = current(engagementId(execution));
        LocalDate restorable = policy.restorationDeadline(certificate.expiry());
        records.certificateStatus(certificate.id(), CertificateStatus.EXPIRED, certificate.expiry().plusDays(1),
                "Not renewed by its expiry date; restorable until %s (ISO/IEC 17021-1, 9.6.3.2.5)."
                        .formatted(restorable));
    }

    /** A7.6: the restoration window closed; a new initial certification starts with at least a Stage 2. */
    public void startNewInitialCertification(DelegateExecution execution) {
        UUID engagementId = engagementId(execution);
        records.insertDecision(engagementId, null, "RESTORATION", "LAPSED",
                "The certificate was not restored within 6 months after its expiry; a new initial certification "
                        + "with at least a Stage 2 audit follows (ISO/IEC 17021-1, 9.6.3.2.5).",
                SYSTEM, dates.today());
        execution.setVariable(CYCLE_NO, intVariable(execution, CYCLE_NO) + 1);
    }

    /** Recertification refused or its majors lapsed: validity is not extended (A7.5). */
    public void endWithoutRenewal(DelegateExecution execution) {
        CertificateRow certificate = current(engagementId(execution));
        if (certificate.status() != CertificateStatus.EXPIRED) {
            records.certificateStatus(certificate.id(), CertificateStatus.EXPIRED, certificate.expiry().plusDays(1),
                    "Recertification was not granted; the certificate is not renewed after its expiry.");
        }
    }

    // suspension, restoration, withdrawal, scope

    /** A.9: suspends the current certificate, unless it already is; the gateway after it ends a second suspension. */
    public void suspend(DelegateExecution execution) {
        UUID engagementId = engagementId(execution);
        CertificateRow certificate = current(engagementId);
        boolean already = certificate.status() == CertificateStatus.SUSPENDED;
        execution.setVariableLocal("alreadySuspended", already);
        if (!already) {
            LocalDate today = dates.today();
            records.certificateStatus(certificate.id(), CertificateStatus.SUSPENDED, today,
                    records.latestEventReason(engagementId, CycleEvent.SUSPEND.type()).orElse("Suspended."));
        }
    }

    /** A.9: the issue must be resolved within the configured maximum, else withdrawal or a reduced scope. */
    public Date suspensionLimitAt(DelegateExecution execution) {
        return dates.after(policy.suspensionDeadline(current(engagementId(execution)).statusSince()));
    }

    public void restore(DelegateExecution execution) {
        UUID engagementId = engagementId(execution);
        CertificateRow certificate = current(engagementId);
        LocalDate today = dates.today();
        records.certificateStatus(certificate.id(), CertificateStatus.ACTIVE, today,
                records.latestEventReason(engagementId, CycleEvent.RESTORE.type()).orElse("Restored."));
    }

    /** A.9: the suspension ends with the scope reduced to what still conforms. */
    public void reduceScope(DelegateExecution execution) {
        UUID engagementId = engagementId(execution);
        CertificateRow certificate = current(engagementId);
        records.certificateScope(certificate.id(), (String) execution.getVariable("reducedScope"));
        records.certificateStatus(certificate.id(), CertificateStatus.ACTIVE, dates.today(),
                "Scope reduced after suspension: " + execution.getVariable("outcomeReason"));
    }

    public void withdraw(DelegateExecution execution) {
        UUID engagementId = engagementId(execution);
        CertificateRow certificate = current(engagementId);
        records.certificateStatus(certificate.id(), CertificateStatus.WITHDRAWN, dates.today(),
                records.latestEventReason(engagementId, CycleEvent.WITHDRAW.type()).orElse("Withdrawn."));
    }

    /** A.8: an approved scope extension or reduction changes the current certificate's scope statement. */
    public void changeScope(DelegateExecution execution) {
        CertificateRow certificate = current(engagementId(execution));
        records.certificateScope(certificate.id(), (String) execution.getVariable("newScope"));
    }

    // milestones: the BPMN records them with ${milestones.recordFor(execution, key, label, planned, due, actual)}
    // (docs/iso27001-cycle.md, "Milestones"); these give the keys and dates

    /**
     * The timeline's key of a milestone of the current cycle: the first cycle uses the keys the timeline projects
     * from ({@code FIRST_SURVEILLANCE}), later cycles prefix theirs with the cycle number ({@code C2.FIRST_SURVEILLANCE}).
     */
    public String milestoneKey(DelegateExecution execution, String milestone) {
        return cycleKey(intVariable(execution, CYCLE_NO), milestone);
    }

    static String cycleKey(int cycleNo, String milestone) {
        return cycleNo == 1 ? milestone : "C%d.%s".formatted(cycleNo, milestone);
    }

    /** {@code FIRST_SURVEILLANCE} or {@code SECOND_SURVEILLANCE} of the current cycle. */
    public String surveillanceMilestone(DelegateExecution execution) {
        return milestoneKey(execution, intVariable(execution, SURVEILLANCE_NO) == 1 ? "FIRST_SURVEILLANCE"
                : "SECOND_SURVEILLANCE");
    }

    public LocalDate today() {
        return dates.today();
    }

    /** A.3: the last day Stage 2 may start without a decision that Stage 1 is still valid. */
    public LocalDate latestStage2Start(DelegateExecution execution) {
        return policy.latestStage2Start(stage1Base(execution));
    }

    public LocalDate expiry(DelegateExecution execution) {
        return current(engagementId(execution)).expiry();
    }

    public LocalDate recertificationPlanningDate(DelegateExecution execution) {
        return policy.recertificationPlanningStarts(expiry(execution));
    }

    public LocalDate restorationDeadline(DelegateExecution execution) {
        return policy.restorationDeadline(expiry(execution));
    }

    public boolean suspended(DelegateExecution execution) {
        return records.currentCertificate(engagementId(execution))
                .map(certificate -> certificate.status() == CertificateStatus.SUSPENDED).orElse(false);
    }

    /** The current suspension's key, {@code SUSPENSION.<first day>}: one milestone per suspension. */
    public String suspensionKey(DelegateExecution execution) {
        return "SUSPENSION." + current(engagementId(execution)).statusSince();
    }

    public LocalDate suspensionDeadline(DelegateExecution execution) {
        return policy.suspensionDeadline(current(engagementId(execution)).statusSince());
    }

    private CertificateRow current(UUID engagementId) {
        return records.currentCertificate(engagementId)
                .orElseThrow(() -> new IllegalStateException("no certificate for engagement " + engagementId));
    }
}
