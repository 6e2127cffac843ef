package org.auditmanager.soc2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.auditmanager.DemoUsers;
import org.auditmanager.common.ConflictException;
import org.auditmanager.common.ForbiddenException;
import org.auditmanager.common.InvalidInputException;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.engagement.EngagementKind;
import org.auditmanager.engagement.Engagements;
import org.auditmanager.engagement.Framework;
import org.auditmanager.engagement.NewEngagement;
import org.auditmanager.forms.BoundForm;
import org.auditmanager.organisation.Organisations;
import org.auditmanager.tasks.TaskActions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestExecutionListeners;

/**
 * The soc2-examination and soc2-control-test processes (and the kick-off they call), walked on every path through
 * the real services and task forms, with the engine clock moved for the timers; coverage must be 100 %.
 */
@SpringBootTest(properties = "app.demo.seed-engagements=false")
@ActiveProfiles("demo")
@Import({ProcessEngineCoverageConfiguration.class, Soc2ExaminationProcessTest.Coverage.class})
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class Soc2ExaminationProcessTest {

    @TestConfiguration
    static class Coverage {
        @Bean
        ProcessEngineCoverageProperties coverageProperties() {
            return ProcessEngineCoverageProperties.builder().assertClassCoverageAtLeast(1.0).build();
        }
    }

    private static final List<String> CC1_TO_CC5 = List.of("CC1.1", "CC1.2", "CC1.3", "CC1.4", "CC1.5", "CC2.1",
            "CC2.2", "CC2.3", "CC3.1", "CC3.2", "CC3.3", "CC3.4", "CC4.1", "CC4.2", "CC5.1", "CC5.2", "CC5.3");
    private static final List<String> CC6_TO_CC9 = List.of("CC6.1", "CC6.2", "CC6.3", "CC6.4", "CC6.5", "CC6.6",
            "CC6.7", "CC6.8", "CC7.1", "CC7.2", "CC7.3", "CC7.4", "CC7.5", "CC8.1", "CC9.1", "CC9.2");

    @Autowired ProcessEngine processEngine;
    @Autowired Engagements engagements;
    @Autowired Organisations organisations;
    @Autowired TaskActions taskActions;
    @Autowired Soc2Examinations examinations;
    @Autowired Soc2Sampling sampling;
    @Autowired DemoUsers users;

    @BeforeEach
    void bindAssertionsToThisEngine() {
        BpmnAwareTests.init(processEngine);
    }

    @AfterEach
    void resetEngineClock() {
        ClockUtil.reset();
    }

    @Test
    void aDeclinedEngagementEndsAfterTheKickoff() {
        Engagement engagement = create(typeI("reviewer"));
        ProcessInstance instance = instanceOf(engagement);

        submit(engagement, "PlanEngagement", "lead", plan("decline"));

        assertThat(instance).isEnded().hasPassed("EngagementDeclined")
                .hasNotPassed("DeclareIndependence");
        assertThat(statusOf(engagement)).isEqualTo("DECLINED");
    }

    @Test
    void aTeamMemberWhoDesignedTheClientsControlsStopsTheAcceptance() {
        Engagement engagement = create(typeI("reviewer"));
        ProcessInstance instance = instanceOf(engagement);
        kickOff(engagement);

        submit(engagement, "DeclareIndependence", "lead", Map.of("readinessDesigners", "auditor",
                "independenceReviewed", "true"));

        assertThat(instance).isEnded().hasPassed("NotIndependent").hasNotPassed("ConfirmPreconditions");
        assertThat(statusOf(engagement)).isEqualTo("NOT_INDEPENDENT");
        assertThat(examination(engagement).independenceConflicts())
                .contains("auditor designed the client's controls in the readiness engagement");
    }

    @Test
    void typeIWalksDesignExceptionsQualityReviewSignOffBridgeLetterAndRollover() {
        Engagement engagement = create(typeI("reviewer"));
        ProcessInstance instance = instanceOf(engagement);
        kickOff(engagement);
        accept(engagement, true);

        submit(engagement, "DefineScope", "lead", scope("yes"));
        assertThatThrownBy(() -> submit(engagement, "DefineControlMatrix", "lead", Map.of("matrixComplete", "true")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("The control matrix is empty");
        examinations.replaceControls(engagement.id(), List.of(
                new ControlDefinition("C1", "Code of conduct acknowledged yearly", ControlFrequency.ANNUAL,
                        List.of("CC1.1")),
                new ControlDefinition("C2", "Security programme reviewed", ControlFrequency.QUARTERLY,
                        security().stream().filter(criterion -> !criterion.equals("CC1.1")).toList())),
                users.get("lead"));
        examinations.replaceSubserviceOrganisations(engagement.id(), List.of(new SubserviceDefinition("Hyperscale "
                + "Cloud", SubserviceMethod.CARVE_OUT, List.of("Physical access to data centres is restricted"), true,
                false, false)), users.get("lead"));
        submit(engagement, "DefineControlMatrix", "lead", Map.of("matrixComplete", "true"));

        assertThat(instance).isWaitingAt("ReadinessAssessment");
        submit(engagement, "ReadinessAssessment", "lead", Map.of("readinessFindings", "No access review yet",
                "gapsCommunicated", "true"));

        assertThat(instance).isWaitingAt("DesignEvaluation");
        assertThat(statusOf(engagement)).isEqualTo("DESIGN_EVALUATION");
        submitForControl(engagement, "EvaluateDesign", "C1", "lead", design("2031-03-20", "EXCEPTION"));
        submitForControl(engagement, "EvaluateDesign", "C2", "lead", design("2031-03-31", "NO_EXCEPTION"));
        submitForControl(engagement, "RespondToException", "C1", "acme", Map.of("managementResponse",
                "Acknowledgements are now tracked in the HR system."));

        assertThat(instance).isWaitingAt("DecideOpinion");
        Soc2Report proposed = examination(engagement).report();
        assertThat(proposed.proposedOpinion()).as("one of 33 criteria not met, below the pervasive share")
                .isEqualTo(Opinion.QUALIFIED);
        assertThat(proposed.proposalReason()).contains("1 of 33 criteria are not met (CC1.1)")
                .doesNotContain("access review");
        assertThat(processEngine.getTaskService().getVariableLocal(task(engagement, "DecideOpinion").getId(),
                "proposedOpinion")).isEqualTo("QUALIFIED");
        assertThatThrownBy(() -> submit(engagement, "DecideOpinion", "manager", Map.of("opinion", "UNMODIFIED")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("differs from the proposal");
        submit(engagement, "DecideOpinion", "manager", Map.of("opinion", "QUALIFIED"));

        assertThat(instance).isWaitingAt("ProvideAssertionAndDescription");
        assertThat(statusOf(engagement)).isEqualTo("REPORTING");
        submit(engagement, "ProvideAssertionAndDescription", "acme", assertion());
        submit(engagement, "DraftReport", "lead", Map.of("draftReportReference", "SOC2-T1-draft-1"));
        submit(engagement, "EngagementQualityReview", "reviewer", Map.of("reviewOutcome", "changes",
                "reviewNotes", "Describe the CC1.1 deviation", "signerName", "Rita Reviewer"));
        submit(engagement, "DraftReport", "lead", Map.of("draftReportReference", "SOC2-T1-draft-2"));
        submit(engagement, "EngagementQualityReview", "reviewer", Map.of("reviewOutcome", "approve",
                "reviewNotes", "Judgements supported", "signerName", "Rita Reviewer"));
        submit(engagement, "PartnerSignOff", "manager", Map.of("signOffDecision", "return",
                "signOffNotes", "Name the subservice organisation", "signerName", "Mia Manager"));
        submit(engagement, "DraftReport", "lead", Map.of("draftReportReference", "SOC2-T1-draft-3"));
        assertThat(examination(engagement).report().status()).isEqualTo(ReportStatus.DRAFTED);
        submit(engagement, "EngagementQualityReview", "reviewer", Map.of("reviewOutcome", "approve",
                "reviewNotes", "Still supported", "signerName", "Rita Reviewer"));
        submit(engagement, "PartnerSignOff", "manager", Map.of("signOffDecision", "sign",
                "signerName", "Mia Manager"));
        assertThatThrownBy(() -> submit(engagement, "IssueReport", "lead", issue("2031-03-31")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("dated after the last day");
        submit(engagement, "IssueReport", "lead", issue("2031-04-20"));

        assertThat(instance).isWaitingAt("DecideRollover", "BridgeLetterWindowClosed");
        assertThat(statusOf(engagement)).isEqualTo("REPORT_ISSUED");
        Soc2Examination issued = examination(engagement);
        assertThat(issued.report().status()).isEqualTo(ReportStatus.ISSUED);
        assertThat(issued.report().reportDate()).isEqualTo("2031-04-20");
        assertThat(issued.report().due()).as("60 days after the as-of date").isEqualTo("2031-05-30");
        assertThat(issued.qualityReviewedBy()).isEqualTo("reviewer");
        assertThat(milestone(issued, "REPORT_ISSUED").actual()).isEqualTo("2031-04-20");

        examinations.requestBridgeLetter(engagement.id(), users.get("acme"));
        assertThatThrownBy(() -> submit(engagement, "SignBridgeLetter", "acme", bridgeLetter("2031-07-01")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("at most 3 months after the report's last day (2031-03-31), so up to 2031-06-30");
        submit(engagement, "SignBridgeLetter", "acme", bridgeLetter("2031-06-30"));
        assertThat(examination(engagement).bridgeLetters()).singleElement()
                .satisfies(letter -> assertThat(letter.coverFrom()).isEqualTo("2031-04-01"));

        submit(engagement, "DecideRollover", "manager", Map.of("rollover", "yes"));
        Soc2Examination rolled = examination(engagement);
        Engagement next = engagements.get(rolled.rolledOverTo(), users.get("manager"));
        assertThat(next.kind()).isEqualTo(EngagementKind.TYPE_II);
        assertThat(next.periodStart()).as("the day after the as-of date").isEqualTo("2031-04-01");
        assertThat(next.periodEnd()).as("a first Type II period of 6 months").isEqualTo("2031-09-30");
        Soc2Examination nextExamination = examination(next);
        assertThat(nextExamination.rolledOverFrom()).isEqualTo(engagement.id());
        assertThat(nextExamination.controls()).extracting(Soc2Control::reference).containsExactly("C1", "C2");
        assertThat(nextExamination.controls()).allSatisfy(control -> {
            assertThat(control.designResult()).isNull();
            assertThat(control.managementResponse()).isNull();
        });
        assertThat(nextExamination.subserviceOrganisations()).extracting(SubserviceDefinition::name)
                .containsExactly("Hyperscale Cloud");
        assertThat(nextExamination.report().status()).isEqualTo(ReportStatus.NOT_STARTED);

        fireTimersDueBy("2031-07-01");
        assertThat(instance).isEnded().hasPassed("ExaminationClosed");
        assertThat(statusOf(engagement)).isEqualTo("CLOSED");
    }

    @Test
    void typeIIRunsTheObservationPeriodSamplesFlagsStaleEvidenceAndEscalatesAnOverdueReport() {
        Engagement engagement = create(new NewEngagement(acme(), Framework.SOC2, EngagementKind.TYPE_II,
                "Type II", "Customer platform", "lead", List.of("auditor"), null, null, null,
                LocalDate.parse("2031-01-01"), LocalDate.parse("2031-06-30"), Set.of("Security")));
        ProcessInstance instance = instanceOf(engagement);
        kickOff(engagement);
        accept(engagement, false);
        submit(engagement, "DefineScope", "lead", scope("no"));
        examinations.replaceControls(engagement.id(), List.of(
                new ControlDefinition("Q1", "Quarterly access review", ControlFrequency.QUARTERLY, CC1_TO_CC5),
                new ControlDefinition("E1", "Leavers' access removed", ControlFrequency.EVENT_DRIVEN, CC6_TO_CC9)),
                users.get("lead"));
        submit(engagement, "DefineControlMatrix", "lead", Map.of("matrixComplete", "true"));

        assertThat(instance).isWaitingAt("PeriodStartTimer");
        assertThat(statusOf(engagement)).isEqualTo("AWAITING_PERIOD_START");
        fireTimersDueBy("2031-01-01");
        assertThat(instance).isWaitingAt("InterimFieldworkTimer");
        assertThat(milestone(examination(engagement), "PERIOD_START").actual()).isEqualTo("2031-01-01");
        assertThat(dueDateOfTimer(instance)).as("half way through the period").isEqualTo(startOf("2031-04-01"));

        fireTimersDueBy("2031-04-01");
        assertThat(instance).isWaitingAt("InterimDesignEvaluation");
        assertThat(statusOf(engagement)).isEqualTo("INTERIM_FIELDWORK");
        submitForControl(engagement, "EvaluateDesign", "Q1", "lead", design("2031-03-25", "NO_EXCEPTION"));
        submitForControl(engagement, "EvaluateDesign", "E1", "lead", design("2031-03-26", "NO_EXCEPTION"));

        assertThat(instance).isWaitingAt("PeriodEndTimer");
        assertThat(dueDateOfTimer(instance)).isEqualTo(startOf("2031-07-01"));
        fireTimersDueBy("2031-07-01");
        assertThat(instance).isWaitingAt("FinalFieldworkTimer");
        assertThat(dueDateOfTimer(instance)).as("a week after the period end").isEqualTo(startOf("2031-07-07"));
        fireTimersDueBy("2031-07-07");
        assertThat(instance).isWaitingAt("OperatingEffectivenessTesting");

        submitForControl(engagement, "ProvidePopulation", "E1", "acme", Map.of("populationSize", "3",
                "populationSource", "HR leavers report"));
        Soc2Control quarterly = control(engagement, "Q1");
        Soc2Control eventDriven = control(engagement, "E1");
        assertThat(quarterly.sampleSize()).as("quarterly: 2 from the sample-size table").isEqualTo(2);
        assertThat(eventDriven.sampleSize()).as("event-driven, population up to 50: all of it").isEqualTo(3);
        SampleSelection again = sampling.select(examination(engagement).coverage(), ControlFrequency.QUARTERLY, null,
                quarterly.sampleSeed());
        assertThat(again.items()).extracting(SampleItem::label)
                .as("the recorded seed draws the same sample again")
                .containsExactlyElementsOf(quarterly.samples().stream().map(Soc2Sample::label).toList());

        List<Soc2Sample> samples = new ArrayList<>(quarterly.samples());
        samples.addAll(eventDriven.samples());
        Soc2Sample stale = samples.get(0);
        for (Soc2Sample sample : samples) {
            String shownFrom = sample == stale ? "2030-12-20" : sample.windowFrom().toString();
            submitForSample(engagement, sample, Map.of("evidenceReference", "EV-" + sample.label(),
                    "shownFrom", shownFrom, "shownTo", sample.windowFrom().toString(),
                    "collectedOn", sample.windowFrom().toString()));
        }
        assertThat(control(engagement, "Q1").samples().get(0).freshnessFlag())
                .contains("Type II evidence must come from inside the observation period 2031-01-01 to 2031-06-30");
        Task quarterlyTest = taskForControl(engagement, "TestOperatingEffectiveness", "Q1");
        assertThat((String) processEngine.getTaskService().getVariableLocal(quarterlyTest.getId(), "flaggedEvidence"))
                .contains("inside the observation period").contains(stale.label());
        submitForControl(engagement, "TestOperatingEffectiveness", "Q1", "lead", Map.of("testResult", "NO_EXCEPTION",
                "deviations", "0"));
        assertThatThrownBy(() -> submitForControl(engagement, "TestOperatingEffectiveness", "E1", "lead",
                Map.of("testResult", "EXCEPTION", "deviations", "4")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("between 0 and 3");
        submitForControl(engagement, "TestOperatingEffectiveness", "E1", "lead", Map.of("testResult", "NO_EXCEPTION",
                "deviations", "0"));

        assertThat(examination(engagement).report().proposedOpinion()).isEqualTo(Opinion.UNMODIFIED);
        submit(engagement, "DecideOpinion", "manager", Map.of("opinion", "UNMODIFIED"));
        submit(engagement, "ProvideAssertionAndDescription", "acme", assertion());
        submit(engagement, "DraftReport", "lead", Map.of("draftReportReference", "SOC2-T2-draft"));
        assertThat(instance).as("no quality reviewer designated").isWaitingAt("PartnerSignOff");
        submit(engagement, "PartnerSignOff", "manager", Map.of("signOffDecision", "sign",
                "signerName", "Mia Manager"));

        assertThat(examination(engagement).report().due()).as("60 days after the period end").isEqualTo("2031-08-29");
        fireTimersDueBy("2031-08-30");
        assertThat(instance).isWaitingAt("IssueReport", "EscalateOverdueReport");
        assertThat(statusOf(engagement)).isEqualTo("REPORT_OVERDUE");
        submit(engagement, "EscalateOverdueReport", "manager", Map.of("escalationAction", "Partner called the lead"));
        assertThat(examination(engagement).report().overdueEscalated()).isTrue();
        submit(engagement, "IssueReport", "lead", issue("2031-09-02"));

        submit(engagement, "DecideRollover", "manager", Map.of("rollover", "no"));
        assertThat(examination(engagement).rolledOverTo()).isNull();
        fireTimersDueBy("2031-10-01");
        assertThat(instance).isEnded().hasPassed("ExaminationClosed").hasNotPassed("CreateNextEngagement");
        assertThatThrownBy(() -> examinations.requestBridgeLetter(engagement.id(), users.get("acme")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("window of this report has closed");
        assertThat(examination(engagement).report().milestones()).extracting(Soc2Milestone::key, Soc2Milestone::actual)
                .containsExactly(
                        tuple("PERIOD_START", LocalDate.parse("2031-01-01")),
                        tuple("INTERIM_FIELDWORK", LocalDate.parse("2031-04-01")),
                        tuple("PERIOD_END", LocalDate.parse("2031-06-30")),
                        tuple("FINAL_FIELDWORK", LocalDate.parse("2031-07-07")),
                        tuple("REPORT_ISSUED", LocalDate.parse("2031-09-02")));
    }

    @Test
    void theEngineRefusesTheQualityReviewToATeamMemberEvenPastTheTaskPages() {
        Engagement engagement = create(typeI("reviewer"));
        kickOff(engagement);
        accept(engagement, false);
        submit(engagement, "DefineScope", "lead", scope("no"));
        examinations.replaceControls(engagement.id(), List.of(new ControlDefinition("C1", "Security programme",
                ControlFrequency.ANNUAL, security())), users.get("lead"));
        submit(engagement, "DefineControlMatrix", "lead", Map.of("matrixComplete", "true"));
        submitForControl(engagement, "EvaluateDesign", "C1", "lead", design("2031-03-31", "NO_EXCEPTION"));
        submit(engagement, "DecideOpinion", "manager", Map.of("opinion", "UNMODIFIED"));
        submit(engagement, "ProvideAssertionAndDescription", "acme", assertion());
        submit(engagement, "DraftReport", "lead", Map.of("draftReportReference", "SOC2-T1-draft"));
        String review = task(engagement, "EngagementQualityReview").getId();
        Map<String, Object> passed = Map.of("reviewOutcome", "approve", "reviewNotes", "fine");
        TaskService taskService = processEngine.getTaskService();

        assertThatThrownBy(() -> taskService.complete(review, passed))
                .hasRootCauseInstanceOf(ForbiddenException.class).rootCause().hasMessageContaining("must be claimed");
        taskService.claim(review, "lead");
        assertThatThrownBy(() -> taskService.complete(review, passed))
                .hasRootCauseInstanceOf(ForbiddenException.class).rootCause()
                .hasMessageContaining("Leo Lead is on the engagement team");
        assertThat(instanceOf(engagement)).isWaitingAt("ReportPhase");
        assertThat(examination(engagement).qualityReviewCompleted()).isFalse();
    }

    // ---------------------------------------------------------------- steps

    private void kickOff(Engagement engagement) {
        submit(engagement, "PlanEngagement", "lead", plan("accept"));
        submit(engagement, "ConfirmAuditContacts", "acme", Map.of("contactName", "Carl Compliance",
                "contactEmail", "carl@acme.example", "fieldworkModes", "remote", "auditLanguage", "en"));
    }

    private void accept(Engagement engagement, boolean returnTheLetterOnce) {
        submit(engagement, "DeclareIndependence", "lead", Map.of("independenceReviewed", "true"));
        assertThat(statusOf(engagement)).isEqualTo("SOC2_ACCEPTANCE");
        submit(engagement, "ConfirmPreconditions", "acme", Map.of("managementAcceptsResponsibility", "true",
                "assertionWillBeProvided", "true", "representationsWillBeProvided", "true",
                "managementSignatory", "Carl Compliance, CISO"));
        Map<String, String> letter = Map.of("engagementLetterReference", "EL-2031", "engagementLetterSignedOn",
                "2030-11-02", "clientLetterSignatory", "Carl Compliance");
        submit(engagement, "UploadEngagementLetter", "lead", letter);
        if (returnTheLetterOnce) {
            submit(engagement, "SignOffEngagementLetter", "manager", Map.of("letterDecision", "return"));
            submit(engagement, "UploadEngagementLetter", "lead", letter);
        }
        submit(engagement, "SignOffEngagementLetter", "manager", Map.of("letterDecision", "approve"));
        assertThat(examination(engagement).engagementLetterApproved()).isTrue();
    }

    private static Map<String, String> plan(String decision) {
        return Map.of("plannedStart", "2030-11-01", "plannedEnd", "2030-11-30", "auditorDays", "8",
                "decision", decision, "independenceConfirmed", "true");
    }

    private static Map<String, String> scope(String readiness) {
        return Map.of("tscCategories", "Security", "systemBoundaries", "Customer platform on Hyperscale Cloud",
                "cuecs", "Customers remove their own leavers", "readinessAssessment", readiness);
    }

    private static Map<String, String> design(String date, String result) {
        return Map.of("walkthroughDate", date, "walkthroughEvidence", "WT-" + date, "testResult", result);
    }

    private static Map<String, String> assertion() {
        return Map.of("assertionSigned", "true", "assertionSignatory", "Carl Compliance, CISO",
                "assertionSignedOn", "2031-04-15", "systemDescriptionReference", "SD-1",
                "descriptionCriteria", "DC1,DC2,DC3,DC4,DC5", "representationLetterDated", "2031-04-15");
    }

    private static Map<String, String> issue(String date) {
        return Map.of("reportDate", date, "reportReference", "SOC2-" + date);
    }

    private static Map<String, String> bridgeLetter(String coverEnd) {
        return Map.of("coverEnd", coverEnd, "materialChanges", "None", "signatory", "Carl Compliance, CISO",
                "signedOn", "2031-06-01");
    }

    private NewEngagement typeI(String qualityReviewer) {
        return new NewEngagement(acme(), Framework.SOC2, EngagementKind.TYPE_I, "Type I", "Customer platform",
                "lead", List.of("auditor"), null, qualityReviewer, LocalDate.parse("2031-03-31"), null, null,
                Set.of("Security"));
    }

    // ---------------------------------------------------------------- plumbing

    private Engagement create(NewEngagement request) {
        return engagements.create(request, users.get("manager"));
    }

    private UUID acme() {
        return organisations.findByName("Acme Cloud Ltd").orElseThrow().id();
    }

    private List<String> security() {
        return Stream.concat(CC1_TO_CC5.stream(), CC6_TO_CC9.stream()).toList();
    }

    private void submit(Engagement engagement, String taskKey, String username, Map<String, String> values) {
        complete(task(engagement, taskKey), username, values);
    }

    private void submitForControl(Engagement engagement, String taskKey, String reference, String username,
                                  Map<String, String> values) {
        complete(taskForControl(engagement, taskKey, reference), username, values);
    }

    private void submitForSample(Engagement engagement, Soc2Sample sample, Map<String, String> values) {
        Task task = processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(engagement.reference())
                .taskDefinitionKey("ProvideSampleEvidence").list().stream()
                .filter(candidate -> sample.id().toString().equals(
                        processEngine.getTaskService().getVariable(candidate.getId(), "sampleId")))
                .findFirst().orElseThrow();
        complete(task, "acme", values);
    }

    private void complete(Task task, String username, Map<String, String> values) {
        Map<String, List<String>> submitted = new LinkedHashMap<>();
        values.forEach((key, value) -> submitted.put(key, List.of(value)));
        BoundForm bound = taskActions.complete(task.getId(), submitted, users.get(username));
        assertThat(bound.errors()).as("form errors of %s", task.getTaskDefinitionKey()).isEmpty();
    }

    private Task task(Engagement engagement, String taskKey) {
        return processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(engagement.reference())
                .taskDefinitionKey(taskKey).singleResult();
    }

    private Task taskForControl(Engagement engagement, String taskKey, String reference) {
        return processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(engagement.reference())
                .taskDefinitionKey(taskKey).list().stream()
                .filter(task -> reference.equals(
                        processEngine.getTaskService().getVariableLocal(task.getId(), "controlReference")))
                .findFirst().orElseThrow();
    }

    private void fireTimersDueBy(String day) {
        ClockUtil.setCurrentTime(startOf(day));
        List<Job> due;
        while (!(due = processEngine.getManagementService().createJobQuery().executable().timers().list()).isEmpty()) {
            due.forEach(job -> processEngine.getManagementService().executeJob(job.getId()));
        }
    }

    private Date dueDateOfTimer(ProcessInstance instance) {
        return processEngine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers()
                .singleResult().getDuedate();
    }

    private static Date startOf(String day) {
        return Date.from(LocalDate.parse(day).atStartOfDay(ZoneId.systemDefault()).toInstant());
    }

    private ProcessInstance instanceOf(Engagement engagement) {
        return processEngine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(engagement.reference()).processDefinitionKey("soc2-examination")
                .singleResult();
    }

    private Soc2Examination examination(Engagement engagement) {
        return examinations.get(engagement.id(), users.get("manager"));
    }

    private Soc2Control control(Engagement engagement, String reference) {
        return examination(engagement).controls().stream().filter(control -> control.reference().equals(reference))
                .findFirst().orElseThrow();
    }

    private static Soc2Milestone milestone(Soc2Examination examination, String key) {
        return examination.report().milestones().stream().filter(milestone -> milestone.key().equals(key))
                .findFirst().orElseThrow();
    }

    private String statusOf(Engagement engagement) {
        return engagements.get(engagement.id(), users.get("manager")).status();
    }
}
