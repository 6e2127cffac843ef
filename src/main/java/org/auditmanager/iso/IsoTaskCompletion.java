package org.auditmanager.iso;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.auditmanager.common.ForbiddenException;
import org.auditmanager.common.InvalidInputException;
import org.auditmanager.evidence.EvidenceRounds;
import org.auditmanager.iso.IsoRecords.AuditRow;
import org.auditmanager.iso.IsoRecords.CertificateRow;
import org.auditmanager.iso.IsoRecords.FindingRow;
import org.auditmanager.security.Role;
import org.auditmanager.security.UserAccount;
import org.auditmanager.security.UserAccounts;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * The {@code complete} listener of every ISO task ({@code camunda:taskListener delegateExpression=
 * "${isoTaskCompletion}"}): checks the rules a form schema cannot express and records what was decided. It runs
 * inside the engine's completion, so a refusal leaves the task open whichever page, API or engine client completes
 * it; our task completion passes the refusal on ({@link InvalidInputException} → 400, {@link ForbiddenException} →
 * 403, with the reason).
 */
@Component("isoTaskCompletion")
class IsoTaskCompletion implements TaskListener {

    /** One finding per line: {@code MAJOR A.5.15: description}; the clause is optional. */
    private static final Pattern FINDING = Pattern.compile(
            "^([A-Za-z]+)\\s*([A-Za-z]?\\.?[0-9][0-9.]*)?\\s*:?\\s*(.+)$");

    private final IsoRecords records;
    private final IsoCyclePolicy policy;
    private final AuditTime auditTime;
    private final DecisionImpartiality impartiality;
    private final UserAccounts users;
    private final EngineDates dates;
    private final IsoCycleProcess cycle;
    private final EvidenceRounds evidenceRounds;
    private final Clock clock;

    IsoTaskCompletion(IsoRecords records, IsoCyclePolicy policy, AuditTime auditTime,
                      DecisionImpartiality impartiality, UserAccounts users, EngineDates dates, IsoCycleProcess cycle,
                      EvidenceRounds evidenceRounds, Clock clock) {
        this.evidenceRounds = evidenceRounds;
        this.records = records;
        this.policy = policy;
        this.auditTime = auditTime;
        this.impartiality = impartiality;
        this.users = users;
        this.dates = dates;
        this.cycle = cycle;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        switch (task.getTaskDefinitionKey()) {
            case "ReviewApplication" -> reviewApplication(task);
            case "ScheduleStage2" -> scheduleStage2(task);
            case "ConfirmStage1Validity" -> confirmStage1Validity(task);
            case "CertificationDecision" -> decide(task, "CERTIFICATION", null);
            case "MaintainCertification" -> decide(task, "MAINTAIN_CERTIFICATION", "suspend");
            case "RecertificationDecision" -> decide(task, "RECERTIFICATION", null);
            case "ScopeChangeDecision" -> decide(task, "SCOPE_CHANGE", null);
            case "ShortNoticeDecision" -> decide(task, "SHORT_NOTICE_AUDIT", "suspend");
            case "WithdrawOrReduce" -> withdrawOrReduce(task);
            case "ReviewChanges" -> recordChanges(task);
            case "PlanAudit" -> planAudit(task);
            case "CollectEvidence" -> collectEvidence(task);
            case "ConductFieldwork" -> fieldwork(task);
            case "RecordFindings" -> findings(task);
            case "WriteReport" -> records.recordReport(auditId(task), text(task, "report"));
            case "DecideReadiness", "SignOffAudit" -> signOff(task);
            case "RespondToNonconformity" -> respond(task);
            case "ReviewResponse" -> review(task);
            default -> throw new IllegalStateException("no completion rule for task " + task.getTaskDefinitionKey());
        }
    }

    // cycle

    private void reviewApplication(DelegateTask task) {
        int persons = ((Number) task.getVariable("personsInScope")).intValue();
        auditTime.forPersonsInScope(persons);
        LocalDate consultancyEnded = date(task, "consultancyEndedOn");
        if (consultancyEnded != null && consultancyEnded.isAfter(dates.today())) {
            throw invalid("consultancyEndedOn", "The consultancy end date cannot be in the future.");
        }
    }

    /** A.3: Stage 2 after Stage 1, and whether it starts within the maximum interval. */
    private void scheduleStage2(DelegateTask task) {
        LocalDate start = date(task, "stage2Start");
        DelegateExecution execution = task.getExecution();
        LocalDate base = cycle.stage1Base(execution);
        if (start.isBefore(dates.today())) {
            throw invalid("stage2Start", "Stage 2 cannot be scheduled in the past.");
        }
        execution.setVariable("stage2Timing", policy.stage2Timing(base, start).name());
    }

    /** A.3, EA FAQ 49.3: a justified decision whether Stage 1 is still valid, recorded. */
    private void confirmStage1Validity(DelegateTask task) {
        boolean valid = "valid".equals(task.getVariable("stage1StillValid"));
        records.insertDecision(engagementId(task), null, "STAGE1_VALIDITY", valid ? "VALID" : "REPEAT",
                text(task, "justification"), completedBy(task), dates.today());
        if (valid) {
            task.getExecution().setVariable(IsoCycleProcess.STAGE1_CONFIRMED_ON, dates.today().toString());
        }
    }

    /** A.5: a decision by an impartial reviewer, recorded with its reason (17021-1 9.5.1.4). */
    private void decide(DelegateTask task, String kind, @Nullable String suspendingOutcome) {
        UUID engagementId = engagementId(task);
        String by = completedBy(task);
        impartiality.check(engagementId, by);
        String outcome = (String) task.getVariable("decision");
        String reason = text(task, "decisionReason");
        if ("grant".equals(outcome) || "renew".equals(outcome)) {
            requireText(task, "soaVersion", "A certificate names the version of the Statement of Applicability.");
        }
        if ("SCOPE_CHANGE".equals(kind) && "approve".equals(outcome)) {
            requireText(task, "newScope", "Approving a scope change needs the new scope statement.");
        }
        records.insertDecision(engagementId, null, kind, outcome.toUpperCase(), reason, by, dates.today());
        if (outcome.equals(suspendingOutcome)) {
            records.insertEvent(engagementId, CycleEvent.SUSPEND.type(), reason, by,
                    clock.instant());
        }
    }

    private void withdrawOrReduce(DelegateTask task) {
        String outcome = (String) task.getVariable("suspensionOutcome");
        if ("reduce".equals(outcome)) {
            requireText(task, "reducedScope", "Reducing the scope needs the reduced scope statement.");
        }
        String reason = text(task, "outcomeReason");
        records.insertDecision(engagementId(task), null, "SUSPENSION_OUTCOME", outcome.toUpperCase(), reason,
                completedBy(task), dates.today());
        if ("withdraw".equals(outcome)) {
            records.insertEvent(engagementId(task), CycleEvent.WITHDRAW.type(), reason, completedBy(task),
                    clock.instant());
        }
    }

    private void recordChanges(DelegateTask task) {
        records.insertDecision(engagementId(task), null, "RECERTIFICATION_STAGE1",
                "yes".equals(task.getVariable("significantChange")) ? "STAGE1_REQUIRED" : "NOT_REQUIRED",
                text(task, "changeSummary"), completedBy(task), dates.today());
    }

    // audit

    private void planAudit(DelegateTask task) {
        LocalDate start = date(task, "plannedStart");
        LocalDate end = date(task, "plannedEnd");
        if (end.isBefore(start)) {
            throw invalid("plannedEnd", "The audit cannot end before it starts.");
        }
        Set<String> team = new LinkedHashSet<>();
        team.add((String) task.getVariable("leadAuditor"));
        String named = (String) task.getVariable("auditTeam");
        if (named != null) {
            for (String member : named.split("[,\\s]+")) {
                if (member.isBlank()) {
                    continue;
                }
                boolean staff = users.find(member).filter(UserAccount::enabled)
                        .map(account -> account.roles().contains(Role.AUDITOR) || account.roles().contains(Role.REVIEWER))
                        .orElse(false);
                if (!staff) {
                    throw invalid("auditTeam", "'%s' is not an active auditor or reviewer.".formatted(member));
                }
                team.add(member);
            }
        }
        records.planAudit(auditId(task), start, end, text(task, "auditPlan"), team);
    }

    /**
     * The fieldwork relies on the evidence the audit asked for: while a shared request of this audit is still open
     * (not accepted or cancelled), the lead auditor records why the audit can go on without it, or waits.
     */
    private void collectEvidence(DelegateTask task) {
        UUID auditId = auditId(task);
        List<String> open = evidenceRounds.stillOpen(auditId);
        String summary = text(task, "evidenceSummary");
        String reason = text(task, "openRequestsReason");
        if (!open.isEmpty() && (reason == null || reason.isBlank())) {
            throw invalid("openRequestsReason", ("%s of this audit %s still open. Accept or cancel %s on the evidence "
                    + "request list, or record here why the fieldwork can go ahead without %s.").formatted(
                    String.join(", ", open), open.size() == 1 ? "is" : "are", open.size() == 1 ? "it" : "them",
                    open.size() == 1 ? "it" : "them"));
        }
        String note = open.isEmpty() ? null
                : "Still open when the fieldwork began (%s): %s".formatted(String.join(", ", open), reason.strip());
        String recorded = note == null ? summary : summary + "\n\n" + note;
        // the column holds 4000 characters; the round keeps the whole note
        records.recordEvidence(auditId, recorded.length() <= 4000 ? recorded : recorded.substring(0, 3999) + "…");
        evidenceRounds.close(auditId, note);
    }

    private void fieldwork(DelegateTask task) {
        LocalDate start = date(task, "actualStart");
        LocalDate end = date(task, "actualEnd");
        if (end.isBefore(start)) {
            throw invalid("actualEnd", "Fieldwork cannot end before it starts.");
        }
        if (end.isAfter(dates.today())) {
            throw invalid("actualEnd", "Record fieldwork once it has taken place; its last day is in the future.");
        }
        records.recordFieldwork(auditId(task), start, end);
    }

    /** Parses one finding per line and sets the nonconformity deadlines of reference.md B.3. */
    private void findings(DelegateTask task) {
        UUID auditId = auditId(task);
        AuditRow audit = records.audit(auditId);
        String text = (String) task.getVariable("findings");
        List<String[]> parsed = new ArrayList<>();
        int line = 0;
        for (String raw : text == null ? new String[0] : text.split("\\R")) {
            line++;
            if (raw.isBlank()) {
                continue;
            }
            Matcher matcher = FINDING.matcher(raw.strip());
            FindingCategory category = matcher.matches()
                    ? FindingCategory.ofToken(matcher.group(1)).orElse(null) : null;
            if (category == null) {
                throw invalid("findings", ("Line %d: start with MAJOR, MINOR, OFI or CONCERN, then the clause and a "
                        + "colon, then the finding, e.g. \"MINOR A.5.15: access reviews are not recorded\".")
                        .formatted(line));
            }
            if (!category.allowedAt(audit.type())) {
                throw invalid("findings", (audit.type() == AuditType.STAGE1
                        ? "Line %d: Stage 1 documents areas of concern (CONCERN) and OFIs, not nonconformities."
                        : "Line %d: areas of concern belong to Stage 1; record a nonconformity or an OFI.")
                        .formatted(line));
            }
            parsed.add(new String[] {category.name(), matcher.group(2), matcher.group(3).strip()});
        }
        NonconformityDeadlines deadlines = deadlines(audit);
        records.deleteFindings(auditId);
        for (String[] finding : parsed) {
            FindingCategory category = FindingCategory.valueOf(finding[0]);
            LocalDate due = !category.isNonconformity() ? null
                    : category == FindingCategory.MAJOR_NC ? deadlines.majorVerifiedBy()
                    : deadlines.minorPlanAcceptedBy();
            records.insertFinding(UUID.randomUUID(), auditId, audit.engagementId(), category, finding[1], finding[2],
                    due, category.isNonconformity() ? deadlines.majorLimit() : null);
        }
    }

    /** B.3: the deadlines depend on the audit (initial, surveillance or special, recertification). */
    private NonconformityDeadlines deadlines(AuditRow audit) {
        LocalDate lastDay = audit.actualEnd();
        return switch (audit.type()) {
            case STAGE1, STAGE2 -> policy.afterStage2(lastDay);
            case SURVEILLANCE, SPECIAL -> policy.afterSurveillance(lastDay);
            case RECERTIFICATION -> policy.afterRecertification(lastDay, records.currentCertificate(audit.engagementId())
                    .map(CertificateRow::expiry).orElseThrow());
        };
    }

    private void signOff(DelegateTask task) {
        if (!Boolean.TRUE.equals(task.getVariable("signOff"))) {
            throw invalid("signOff", "The lead auditor signs the report off.");
        }
        String by = completedBy(task);
        if (!by.equals(task.getVariable("leadAuditor"))) {
            throw new ForbiddenException("Only the lead auditor signs off the audit report.");
        }
        records.signOff(auditId(task), (String) task.getVariable("recommendation"), by, dates.today());
    }

    // nonconformity

    private void respond(DelegateTask task) {
        FindingRow finding = records.finding(findingId(task));
        String evidence = (String) task.getVariable("implementationEvidence");
        if (finding.category() == FindingCategory.MAJOR_NC && (evidence == null || evidence.isBlank())) {
            throw invalid("implementationEvidence",
                    "A major nonconformity needs evidence that the corrective action is implemented.");
        }
        records.recordResponse(finding.id(), text(task, "correction"), text(task, "rootCause"),
                text(task, "correctiveActionPlan"), evidence);
    }

    private void review(DelegateTask task) {
        boolean accepted = "accept".equals(task.getVariable("reviewOutcome"));
        records.reviewFinding(findingId(task), accepted ? "ACCEPTED" : "RETURNED",
                (String) task.getVariable("reviewComment"), null);
    }

    // helpers

    /**
     * Whoever completes: the assignee, since our task completion claims a task for the person completing it before
     * it completes it; an unassigned task is refused.
     */
    private static String completedBy(DelegateTask task) {
        String user = task.getAssignee();
        if (user == null) {
            throw new ForbiddenException("Claim this task before completing it.");
        }
        return user;
    }

    private static UUID engagementId(DelegateTask task) {
        return IsoCycleProcess.engagementId(task.getExecution());
    }

    private static UUID auditId(DelegateTask task) {
        return UUID.fromString((String) task.getVariable(IsoAuditProcess.AUDIT_ID));
    }

    private static UUID findingId(DelegateTask task) {
        return UUID.fromString((String) task.getVariable(IsoNonconformityProcess.FINDING_ID));
    }

    @Nullable
    private static LocalDate date(DelegateTask task, String name) {
        Object value = task.getVariable(name);
        return value == null ? null : LocalDate.parse(value.toString());
    }

    private static String text(DelegateTask task, String name) {
        Object value = task.getVariable(name);
        return value == null ? null : value.toString();
    }

    private static void requireText(DelegateTask task, String name, String message) {
        Object value = task.getVariable(name);
        if (value == null || value.toString().isBlank()) {
            throw invalid(name, message);
        }
    }

    private static InvalidInputException invalid(String field, String message) {
        return new InvalidInputException(message, Map.of(field, message));
    }
}
