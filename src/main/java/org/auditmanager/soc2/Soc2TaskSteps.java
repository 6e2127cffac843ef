package org.auditmanager.soc2;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.auditmanager.common.ConflictException;
import org.auditmanager.common.ForbiddenException;
import org.auditmanager.common.InvalidInputException;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.engagement.Engagements;
import org.auditmanager.engagement.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Task listeners of the SOC 2 processes, as {@code ${soc2Tasks.method(task)}}: on create they show a task what
 * it is about (task-local variables the form displays read-only); on complete they check the submitted values
 * against the SOC 2 rules and record them in our tables. A refusal throws, so the completion rolls back and the
 * person sees the rule.
 */
@Component("soc2Tasks")
public class Soc2TaskSteps {

    private final Soc2Repository repository;
    private final Soc2Examinations examinations;
    private final Soc2Policy policy;
    private final EvidenceFreshness freshness;
    private final ReportIssuance issuance;
    private final QualityReviewRule qualityReview;
    private final Engagements engagements;
    private final Clock clock;

    Soc2TaskSteps(Soc2Repository repository, Soc2Examinations examinations, Soc2Policy policy,
                  EvidenceFreshness freshness, ReportIssuance issuance, QualityReviewRule qualityReview,
                  Engagements engagements, Clock clock) {
        this.repository = repository;
        this.examinations = examinations;
        this.policy = policy;
        this.freshness = freshness;
        this.issuance = issuance;
        this.qualityReview = qualityReview;
        this.engagements = engagements;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- acceptance

    public void independence(DelegateTask task) {
        String designers = text(task, "readinessDesigners");
        repository.update(engagementId(task), Columns.of("readiness_designers", designers == null ? null
                : Arrays.stream(designers.split("[,\\s]+")).filter(name -> !name.isBlank()).distinct()
                        .collect(Collectors.joining(","))));
    }

    public void preconditions(DelegateTask task) {
        repository.update(engagementId(task), Columns.of("management_signatory", text(task, "managementSignatory")));
    }

    public void engagementLetter(DelegateTask task) {
        repository.update(engagementId(task), Columns.of("engagement_letter_reference",
                text(task, "engagementLetterReference"), "engagement_letter_signed_on",
                date(task, "engagementLetterSignedOn"), "engagement_letter_approved", false));
    }

    public void engagementLetterSignOff(DelegateTask task) {
        repository.update(engagementId(task), Columns.of("engagement_letter_approved",
                "approve".equals(text(task, "letterDecision"))));
    }

    // ---------------------------------------------------------------- scoping and readiness

    public void scope(DelegateTask task) {
        String categories = text(task, "tscCategories");
        Set<String> chosen = Set.of(categories.split(","));
        if (!chosen.contains(TrustServicesCriteria.SECURITY)) {
            throw invalid("tscCategories",
                    "Security (the common criteria) is always in scope of a SOC 2 examination.");
        }
        repository.update(engagementId(task), Columns.of("tsc_categories", categories,
                "system_boundaries", text(task, "systemBoundaries"), "cuecs", text(task, "cuecs")));
    }

    public void controlMatrix(DelegateTask task) {
        UUID id = engagementId(task);
        List<String> problems = examinations.matrixProblems(examination(id));
        if (!problems.isEmpty()) {
            throw invalid("matrixComplete", String.join(" ", problems));
        }
        repository.update(id, Columns.of("matrix_confirmed", true));
    }

    public void readiness(DelegateTask task) {
        repository.update(engagementId(task), Columns.of("readiness_findings", text(task, "readinessFindings")));
    }

    // ---------------------------------------------------------------- control tests

    public void showControl(DelegateTask task) {
        Soc2Control control = repository.control(controlId(task));
        task.setVariableLocal("controlReference", control.reference());
        task.setVariableLocal("controlDescription", control.description() + " (" + control.frequency() + "; "
                + String.join(", ", control.criteria()) + ")");
        if (control.sampleSize() != null) {
            List<String> flags = control.samples().stream().filter(sample -> sample.freshnessFlag() != null)
                    .map(sample -> sample.label() + ": " + sample.freshnessFlag()).toList();
            task.setVariableLocal("sampleSize", (long) control.sampleSize());
            task.setVariableLocal("flaggedEvidence", flags.isEmpty() ? "None" : String.join("\n", flags));
        }
        if (control.testResult() != null || control.designResult() != null) {
            task.setVariableLocal("testSummary", summary(control));
        }
    }

    public void designEvaluation(DelegateTask task) {
        UUID controlId = controlId(task);
        Soc2Examination examination = examination(repository.engagementOfControl(controlId));
        LocalDate walkthrough = date(task, "walkthroughDate");
        String evidence = text(task, "walkthroughEvidence");
        EvidenceDates dates = new EvidenceDates(evidence, walkthrough, walkthrough, walkthrough, false);
        repository.updateControl(controlId, Columns.of("design_result", text(task, "testResult"),
                "design_evidence", evidence, "design_date", walkthrough,
                "design_flag", flag(examination.coverage(), dates)));
    }

    public void population(DelegateTask task) {
        repository.updateControl(controlId(task), Columns.of("population_size",
                Math.toIntExact(number(task, "populationSize")), "population_source", text(task, "populationSource")));
    }

    public void showSample(DelegateTask task) {
        Soc2Sample sample = repository.sample(sampleId(task));
        Soc2Control control = repository.control(repository.controlOfSample(sample.id()));
        task.setVariableLocal("controlReference", control.reference());
        task.setVariableLocal("controlDescription", control.description());
        task.setVariableLocal("sampleLabel", sample.label());
        task.setVariableLocal("sampleWindow", sample.windowFrom() + " to " + sample.windowTo());
    }

    public void sampleEvidence(DelegateTask task) {
        UUID sampleId = sampleId(task);
        UUID controlId = repository.controlOfSample(sampleId);
        Soc2Examination examination = examination(repository.engagementOfControl(controlId));
        String reference = text(task, "evidenceReference");
        EvidenceDates dates = new EvidenceDates(reference, date(task, "shownFrom"), date(task, "shownTo"),
                date(task, "collectedOn"), Boolean.TRUE.equals(task.getVariable("selfDated")));
        repository.recordEvidence(sampleId, reference, dates, flag(examination.coverage(), dates));
    }

    public void operatingTest(DelegateTask task) {
        UUID controlId = controlId(task);
        Soc2Control control = repository.control(controlId);
        TestResult result = TestResult.valueOf(text(task, "testResult"));
        int deviations = Math.toIntExact(number(task, "deviations"));
        // the record checks deviations against the sample and the result
        new ControlTest(control.reference(), Set.copyOf(control.criteria()), result, deviations, control.sampleSize());
        repository.updateControl(controlId, Columns.of("test_result", result.name(), "deviations", deviations,
                "test_notes", text(task, "testNotes")));
    }

    public void managementResponse(DelegateTask task) {
        repository.updateControl(controlId(task), Columns.of("management_response",
                text(task, "managementResponse")));
    }

    // ---------------------------------------------------------------- results and report

    public void showProposal(DelegateTask task) {
        Soc2Report report = examination(engagementId(task)).report();
        task.setVariableLocal("proposedOpinion", report.proposedOpinion().name());
        task.setVariableLocal("proposalReason", report.proposalReason());
    }

    public void opinion(DelegateTask task) {
        UUID id = engagementId(task);
        Opinion decided = Opinion.valueOf(text(task, "opinion"));
        String rationale = text(task, "opinionRationale");
        if (decided != examination(id).report().proposedOpinion() && rationale == null) {
            throw invalid("opinionRationale", "The opinion differs from the proposal (%s): say why."
                    .formatted(examination(id).report().proposedOpinion()));
        }
        repository.update(id, Columns.of("opinion", decided.name(), "opinion_rationale", rationale));
    }

    public void assertion(DelegateTask task) {
        repository.update(engagementId(task), Columns.of("assertion_signatory", text(task, "assertionSignatory"),
                "assertion_signed_on", date(task, "assertionSignedOn"),
                "system_description_reference", text(task, "systemDescriptionReference"),
                "representation_letter_dated", date(task, "representationLetterDated"),
                "report_status", ReportStatus.DRAFTING.name()));
    }

    public void draftReport(DelegateTask task) {
        repository.update(engagementId(task), Columns.of("draft_report_reference", text(task, "draftReportReference"),
                "quality_reviewed_by", null, "report_status", ReportStatus.DRAFTED.name()));
    }

    /** The engine's own check of the reviewer's objectivity, whoever completes the task and however. */
    public void qualityReview(DelegateTask task) {
        UUID id = engagementId(task);
        Engagement engagement = engagements.find(id).orElseThrow();
        qualityReview.refusal(engagement, task.getAssignee()).ifPresent(reason -> {
            throw new ForbiddenException(reason);
        });
        boolean approved = "approve".equals(text(task, "reviewOutcome"));
        repository.update(id, Columns.of("quality_reviewed_by", approved ? task.getAssignee() : null,
                "report_status", (approved ? ReportStatus.QUALITY_REVIEWED : ReportStatus.CHANGES_REQUESTED).name()));
    }

    public void partnerSignOff(DelegateTask task) {
        boolean signed = "sign".equals(text(task, "signOffDecision"));
        repository.update(engagementId(task), Columns.of("partner_signed_by", signed ? task.getAssignee() : null,
                "report_status", (signed ? ReportStatus.SIGNED_OFF : ReportStatus.CHANGES_REQUESTED).name()));
    }

    public void issueReport(DelegateTask task) {
        UUID id = engagementId(task);
        Soc2Examination examination = examination(id);
        Engagement engagement = engagements.find(id).orElseThrow();
        LocalDate reportDate = date(task, "reportDate");
        LocalDate lastDay = examination.coverage().lastDay();
        if (!reportDate.isAfter(lastDay)) {
            throw invalid("reportDate", "The report is dated after the last day it speaks of (%s); %s is not."
                    .formatted(lastDay, reportDate));
        }
        List<String> blockers = issuance.blockers(new IssuanceChecklist(examination.assertionSignedOn() != null,
                examination.representationLetterDated() != null, qualityReview.required(engagement),
                examination.qualityReviewCompleted(),
                Soc2Independence.conflicts(engagement.team(), Set.copyOf(examination.readinessDesigners()))));
        if (!blockers.isEmpty()) {
            throw new ConflictException(String.join(" ", blockers));
        }
        repository.update(id, Columns.of("report_date", reportDate, "report_reference", text(task, "reportReference"),
                "report_status", ReportStatus.ISSUED.name()));
        repository.reachMilestone(id, "REPORT_ISSUED", reportDate);
    }

    public void escalation(DelegateTask task) {
        repository.update(engagementId(task), Columns.of("overdue_escalated", true));
    }

    // ---------------------------------------------------------------- after issuance

    public void rolloverDecision(DelegateTask task) {
        repository.update(engagementId(task), Columns.of("rollover_decided_by", task.getAssignee()));
    }

    public void bridgeLetter(DelegateTask task) {
        UUID id = engagementId(task);
        BridgeLetterCover cover = policy.bridgeLetter(examination(id).coverage(), date(task, "coverEnd"));
        repository.insertBridgeLetter(id, cover, text(task, "materialChanges"), text(task, "signatory"),
                date(task, "signedOn"));
    }

    // ---------------------------------------------------------------- helpers

    private String flag(ReportCoverage coverage, EvidenceDates dates) {
        List<FreshnessFlag> flags = freshness.check(coverage, List.of(dates));
        return flags.isEmpty() ? null : String.join(" ", flags.stream().map(FreshnessFlag::reason).toList());
    }

    private static String summary(Soc2Control control) {
        if (control.testResult() != null) {
            return "%s: %d deviation(s) in a sample of %d.".formatted(control.testResult(), control.deviations(),
                    control.sampleSize());
        }
        return "%s in the design walkthrough.".formatted(control.designResult());
    }

    private Soc2Examination examination(UUID engagementId) {
        return repository.find(engagementId, LocalDate.now(clock)).orElseThrow();
    }

    private static UUID engagementId(DelegateTask task) {
        return UUID.fromString((String) task.getVariable(ProcessVariables.ENGAGEMENT_ID));
    }

    private static UUID controlId(DelegateTask task) {
        return UUID.fromString((String) task.getVariable("controlId"));
    }

    private static UUID sampleId(DelegateTask task) {
        return UUID.fromString((String) task.getVariable("sampleId"));
    }

    private static String text(DelegateTask task, String key) {
        Object value = task.getVariable(key);
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }

    private static LocalDate date(DelegateTask task, String key) {
        String value = text(task, key);
        return value == null ? null : LocalDate.parse(value);
    }

    private static long number(DelegateTask task, String key) {
        return ((Number) task.getVariable(key)).longValue();
    }

    private static InvalidInputException invalid(String field, String rule) {
        return new InvalidInputException(rule, Map.of(field, rule));
    }
}
