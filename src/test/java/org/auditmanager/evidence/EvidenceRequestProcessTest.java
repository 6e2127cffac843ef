package org.auditmanager.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.engagement.EngagementKind;
import org.auditmanager.engagement.Engagements;
import org.auditmanager.engagement.Framework;
import org.auditmanager.engagement.NewEngagement;
import org.auditmanager.engagement.ProcessVariables;
import org.auditmanager.organisation.Organisation;
import org.auditmanager.organisation.OrganisationForm;
import org.auditmanager.organisation.Organisations;
import org.auditmanager.security.AuthenticatedUser;
import org.auditmanager.security.CamundaGroups;
import org.auditmanager.security.NewUser;
import org.auditmanager.security.Role;
import org.auditmanager.security.UserAccounts;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;

/**
 * The evidence-request process, scenario by scenario: the reject loop, both reminders (and skipping the ones that
 * would only repeat the request), the overdue escalation, cancellation, and use as a call activity. Together they
 * must cover every flow node and sequence flow: the process test coverage library fails the class otherwise and
 * writes its report to target/process-test-coverage.
 * <p>
 * No demo data (its kick-off processes would run before the coverage collector exists): the test makes its own
 * organisation, people and engagement. Time moves with the engine clock; timers are executed, never waited for.
 */
@SpringBootTest
@ActiveProfiles("process-test")
@Import({ProcessEngineCoverageConfiguration.class, EvidenceRequestProcessTest.FullCoverage.class})
class EvidenceRequestProcessTest {

    /** A stand-in for the ISO and SOC 2 processes that will call evidence-request. */
    static final String CALLER = "evidence-caller-for-test";

    @TestConfiguration
    static class FullCoverage {

        @Bean
        @Primary
        ProcessEngineCoverageProperties fullEvidenceRequestCoverage() {
            return ProcessEngineCoverageProperties.builder()
                    .assertClassCoverageAtLeast(1.0)
                    .excludeProcessDefinitionKeys("engagement-kickoff", CALLER,
                            // the engagements these tests create run their own processes, covered elsewhere
                            "iso27001-certification-cycle", "iso27001-audit", "iso27001-nonconformity",
                            "soc2-examination", "soc2-control-test")
                    .build();
        }
    }

    @Autowired
    ProcessEngine processEngine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    UserAccounts users;
    @Autowired
    Organisations organisations;
    @Autowired
    Engagements engagements;
    @Autowired
    EvidenceRequests requests;
    @Autowired
    EvidenceDeadlines deadlines;

    Engagement engagement;
    AuthenticatedUser lead;
    String clientGroup;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
        if (!users.exists("pt-lead")) {
            Organisation organisation = organisations.create(new OrganisationForm("Process Test Ltd", 30, List.of()));
            users.create(new NewUser("pt-manager", "Pat Manager", null, "pt-manager", Set.of(Role.ENGAGEMENT_MANAGER), null));
            users.create(new NewUser("pt-lead", "Lou Lead", null, "pt-lead", Set.of(Role.AUDITOR), null));
            users.create(new NewUser("pt-auditor", "Ada Auditor", null, "pt-auditor", Set.of(Role.AUDITOR), null));
            users.create(new NewUser("pt-client", "Cleo Client", null, "pt-client", Set.of(Role.CLIENT),
                    organisation.id()));
            engagements.create(new NewEngagement(organisation.id(), Framework.ISO27001,
                    EngagementKind.CERTIFICATION_CYCLE, "ISO/IEC 27001 certification", "Everything", "pt-lead",
                    List.of("pt-auditor"), null, null, null, null, null, null), principal("pt-manager"));
            repositoryService.createDeployment().name(CALLER).addModelInstance(CALLER + ".bpmn",
                    Bpmn.createExecutableProcess(CALLER).camundaHistoryTimeToLive(1)
                            .startEvent()
                            .callActivity("CollectEvidence").calledElement(EvidenceProcess.KEY)
                            .camundaInBusinessKey("#{execution.processBusinessKey}")
                            .camundaIn(ProcessVariables.ENGAGEMENT_ID, ProcessVariables.ENGAGEMENT_ID)
                            .camundaIn(EvidenceProcess.EVIDENCE_REQUEST_ID, EvidenceProcess.EVIDENCE_REQUEST_ID)
                            .camundaIn(ProcessVariables.CLIENT_GROUP, ProcessVariables.CLIENT_GROUP)
                            .camundaIn(ProcessVariables.LEAD_AUDITOR, ProcessVariables.LEAD_AUDITOR)
                            .userTask("ContinueAudit")
                            .endEvent()
                            .done())
                    .deploy();
        }
        lead = principal("pt-lead");
        engagement = engagements.visibleTo(lead, 0, 1).get(0);
        clientGroup = CamundaGroups.organisationGroup(engagement.organisationId());
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void sendsEvidenceBackWithTheReasonUntilTheAuditorAcceptsIt() {
        EvidenceRequest request = shared(LocalDate.now().plusDays(30));
        ProcessInstance instance = instanceOf(request);

        assertThat(instance).isWaitingAt("ProvideEvidence");
        assertThat(task("ProvideEvidence", instance)).hasCandidateGroup(clientGroup)
                .hasDueDate(Date.from(deadlines.dueAt(request.dueDate())));
        assertThat(statusOf(request)).isEqualTo(EvidenceStatus.OPEN);
        assertThat(taskService.getVariable(task("ProvideEvidence", instance).getId(), "rejectionReason")).isNull();

        complete(task("ProvideEvidence", instance), withVariables("clientNote", "Access review Q1"));
        assertThat(instance).isWaitingAt("ReviewEvidence");
        assertThat(task("ReviewEvidence", instance)).hasCandidateUser("pt-lead").hasCandidateUser("pt-auditor");
        assertThat(statusOf(request)).isEqualTo(EvidenceStatus.SUBMITTED);

        complete(task("ReviewEvidence", instance),
                withVariables("decision", "reject", "reviewReason", "Q2 is missing"));
        assertThat(instance).isWaitingAt("ProvideEvidence");
        assertThat(statusOf(request)).isEqualTo(EvidenceStatus.REJECTED);
        assertThat(requests.view(request.id(), lead).lastRejection().body()).isEqualTo("Q2 is missing");
        assertThat(taskService.getVariable(task("ProvideEvidence", instance).getId(), "rejectionReason"))
                .as("the provide form shows the reason").isEqualTo("Q2 is missing");

        complete(task("ProvideEvidence", instance), withVariables("clientNote", "Q1 and Q2"));
        assertThat(taskService.getVariable(task("ReviewEvidence", instance).getId(), "decision"))
                .as("each review starts with an empty decision").isNull();
        complete(task("ReviewEvidence", instance), withVariables("decision", "accept", "reviewReason", "Complete"));

        assertThat(instance).hasPassedInOrder("ProvideEvidence", "ReviewEvidence", "ProvideEvidence",
                "ReviewEvidence", "EvidenceAccepted").isEnded();
        assertThat(statusOf(request)).isEqualTo(EvidenceStatus.ACCEPTED);
        assertThat(requests.view(request.id(), lead).thread()).extracting(ThreadEntry::kind, ThreadEntry::body)
                .containsExactly(
                        tuple(ThreadEntry.Kind.SUBMITTED, "Access review Q1"),
                        tuple(ThreadEntry.Kind.REJECTED, "Q2 is missing"),
                        tuple(ThreadEntry.Kind.SUBMITTED, "Q1 and Q2"),
                        tuple(ThreadEntry.Kind.ACCEPTED, "Complete"));
    }

    @Test
    void remindsTheClientFourteenAndThreeDaysBeforeTheDueDate() {
        LocalDate due = LocalDate.now().plusDays(30);
        EvidenceRequest request = shared(due);
        ProcessInstance instance = instanceOf(request);

        Instant first = startOf(due.minusDays(14));
        assertThat(job("FirstReminderTimer", instance)).hasDueDate(Date.from(first));
        ClockUtil.setCurrentTime(Date.from(first));
        execute(job("FirstReminderTimer", instance));

        Instant last = startOf(due.minusDays(3));
        assertThat(job("FinalReminderTimer", instance)).hasDueDate(Date.from(last));
        ClockUtil.setCurrentTime(Date.from(last));
        execute(job("FinalReminderTimer", instance));

        assertThat(instance).hasPassed("RemindClient", "ClientReminded").isWaitingAt("ProvideEvidence");
        assertThat(requests.view(request.id(), lead).thread()).extracting(ThreadEntry::kind)
                .containsExactly(ThreadEntry.Kind.REMINDER, ThreadEntry.Kind.REMINDER);
        assertThat(statusOf(request)).isEqualTo(EvidenceStatus.OPEN);
    }

    @Test
    void skipsRemindersThatWouldArriveTogetherWithTheRequest() {
        EvidenceRequest request = shared(LocalDate.now().plusDays(2));
        ProcessInstance instance = instanceOf(request);

        execute(job("FirstReminderTimer", instance));
        execute(job("FinalReminderTimer", instance));

        assertThat(instance).hasPassed("ReminderSkipped").hasNotPassed("RemindClient").isWaitingAt("ProvideEvidence");
        assertThat(requests.view(request.id(), lead).thread()).isEmpty();
    }

    @Test
    void marksTheRequestOverdueAndAsksTheEngagementManagersToChaseIt() {
        LocalDate due = LocalDate.now().plusDays(2);
        EvidenceRequest request = shared(due);
        ProcessInstance instance = instanceOf(request);

        assertThat(job("OverdueTimer", instance)).hasDueDate(Date.from(deadlines.dueAt(due)));
        ClockUtil.setCurrentTime(Date.from(startOf(due.plusDays(1))));
        execute(job("OverdueTimer", instance));

        assertThat(statusOf(request)).isEqualTo(EvidenceStatus.OVERDUE);
        assertThat(instance).isWaitingAt("ProvideEvidence", "ChaseOverdueEvidence");
        assertThat(task("ChaseOverdueEvidence", instance)).hasCandidateGroup(Role.ENGAGEMENT_MANAGER.name());
        complete(task("ChaseOverdueEvidence", instance), withVariables("chaseNote", "Promised by Friday"));
        assertThat(instance).hasPassed("OverdueChased").isWaitingAt("ProvideEvidence");

        complete(task("ProvideEvidence", instance));
        assertThat(statusOf(request)).isEqualTo(EvidenceStatus.SUBMITTED);
    }

    @Test
    void acceptingTheEvidenceEndsAnOpenChase() {
        LocalDate due = LocalDate.now().plusDays(2);
        EvidenceRequest request = shared(due);
        ProcessInstance instance = instanceOf(request);
        ClockUtil.setCurrentTime(Date.from(startOf(due.plusDays(1))));
        execute(job("OverdueTimer", instance));

        complete(task("ProvideEvidence", instance));
        complete(task("ReviewEvidence", instance), withVariables("decision", "accept", "reviewReason", "Fine"));

        assertThat(instance).isEnded();
        assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(statusOf(request)).isEqualTo(EvidenceStatus.ACCEPTED);
    }

    @Test
    void cancelsASharedRequestWithItsTasksAndTimers() {
        EvidenceRequest request = shared(LocalDate.now().plusDays(30));
        ProcessInstance instance = instanceOf(request);

        requests.cancel(request.id(), "Control out of scope", lead);

        assertThat(instance).hasPassed("RequestCancelled").isEnded();
        assertThat(statusOf(request)).isEqualTo(EvidenceStatus.CANCELLED);
        assertThat(processEngine.getManagementService().createJobQuery().processInstanceId(instance.getId()).count())
                .isZero();
        assertThat(requests.view(request.id(), lead).thread()).extracting(ThreadEntry::kind, ThreadEntry::body)
                .containsExactly(tuple(ThreadEntry.Kind.CANCELLED, "Control out of scope"));
    }

    @Test
    void runsAsACallActivityUnderTheAuditsBusinessKeyAndReturnsWhenAccepted() {
        EvidenceRequest request = draft(LocalDate.now().plusDays(30));
        ProcessInstance audit = startCaller(request);
        ProcessInstance called = calledBy(audit);

        assertThat(called.getBusinessKey()).isEqualTo(engagement.reference());
        assertThat(statusOf(request)).isEqualTo(EvidenceStatus.OPEN);
        assertThat(requests.view(request.id(), lead).request().isShared()).isTrue();

        complete(task("ProvideEvidence", called));
        complete(task("ReviewEvidence", called), withVariables("decision", "accept", "reviewReason", "Fine"));

        assertThat(called).isEnded();
        assertThat(audit).isWaitingAt("ContinueAudit");
        assertThat(statusOf(request)).isEqualTo(EvidenceStatus.ACCEPTED);
    }

    @Test
    void cancellingTheCallingAuditLeavesTheRequestCancelled() {
        EvidenceRequest request = draft(LocalDate.now().plusDays(30));
        ProcessInstance audit = startCaller(request);
        ProcessInstance called = calledBy(audit);

        runtimeService.deleteProcessInstance(audit.getId(), "audit cancelled");

        assertThat(called).isEnded();
        assertThat(statusOf(request)).isEqualTo(EvidenceStatus.CANCELLED);
        assertThat(requests.view(request.id(), lead).thread()).extracting(ThreadEntry::kind)
                .containsExactly(ThreadEntry.Kind.CANCELLED);
    }

    private EvidenceRequest draft(LocalDate due) {
        return requests.create(engagement.id(), new NewEvidenceRequest("Quarterly access reviews",
                "All access reviews of production systems", List.of("A.5.18", "A.8.2"), "pt-client", due, null,
                null, LocalDate.now()), lead);
    }

    private EvidenceRequest shared(LocalDate due) {
        EvidenceRequest draft = draft(due);
        requests.share(List.of(draft.id()), lead);
        return draft;
    }

    private ProcessInstance instanceOf(EvidenceRequest request) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(EvidenceProcess.KEY)
                .variableValueEquals(EvidenceProcess.EVIDENCE_REQUEST_ID, request.id().toString()).singleResult();
    }

    private ProcessInstance startCaller(EvidenceRequest request) {
        return runtimeService.startProcessInstanceByKey(CALLER, engagement.reference(), Map.of(
                ProcessVariables.ENGAGEMENT_ID, engagement.id().toString(),
                EvidenceProcess.EVIDENCE_REQUEST_ID, request.id().toString(),
                ProcessVariables.CLIENT_GROUP, clientGroup,
                ProcessVariables.LEAD_AUDITOR, "pt-lead"));
    }

    private ProcessInstance calledBy(ProcessInstance audit) {
        return runtimeService.createProcessInstanceQuery().superProcessInstanceId(audit.getId()).singleResult();
    }

    private EvidenceStatus statusOf(EvidenceRequest request) {
        return requests.view(request.id(), lead).request().status();
    }

    private AuthenticatedUser principal(String username) {
        return (AuthenticatedUser) users.loadUserByUsername(username);
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneId.systemDefault()).toInstant();
    }
}
