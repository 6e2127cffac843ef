package org.auditmanager.iso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.auditmanager.iso.IsoProcessTestSupport.startOf;
import static org.auditmanager.iso.IsoProcessTestSupport.today;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.auditmanager.DemoUsers;
import org.auditmanager.common.InvalidInputException;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.engagement.Engagements;
import org.auditmanager.organisation.Organisations;
import org.auditmanager.security.CamundaGroups;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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
 * Process iso27001-nonconformity on its own, for a Stage 2 held 2026-02-09 to 2026-02-10 (major verified by
 * 2026-05-11, minor plan accepted by 2026-03-12, both lapse after 2026-08-10); coverage must be 100 %.
 */
@SpringBootTest(properties = "app.demo.seed-engagements=false")
@ActiveProfiles("demo")
@Import({ProcessEngineCoverageConfiguration.class, EngineClock.class, NonconformityProcessTest.Coverage.class})
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class NonconformityProcessTest {

    private static final LocalDate STAGE2_LAST_DAY = LocalDate.of(2026, 2, 10);

    @TestConfiguration
    static class Coverage {
        @Bean
        ProcessEngineCoverageProperties coverageProperties() {
            return ProcessEngineCoverageProperties.builder().assertClassCoverageAtLeast(1.0)
                    .excludeProcessDefinitionKeys("iso27001-certification-cycle", "engagement-kickoff").build();
        }
    }

    @Autowired ProcessEngine processEngine;
    @Autowired Engagements engagements;
    @Autowired Organisations organisations;
    @Autowired DemoUsers users;
    @Autowired IsoRecords records;
    @Autowired IsoCyclePolicy policy;

    private IsoProcessTestSupport support;
    private Engagement engagement;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
        support = new IsoProcessTestSupport(processEngine, engagements, organisations, users);
        today(STAGE2_LAST_DAY.plusDays(1));
        engagement = support.isoEngagement("reviewer");
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private UUID finding(FindingCategory category) {
        UUID auditId = UUID.randomUUID();
        records.insertAudit(auditId, engagement.id(), 1, AuditType.STAGE2, Instant.now());
        records.recordFieldwork(auditId, STAGE2_LAST_DAY.minusDays(1), STAGE2_LAST_DAY);
        NonconformityDeadlines deadlines = policy.afterStage2(STAGE2_LAST_DAY);
        UUID id = UUID.randomUUID();
        records.insertFinding(id, auditId, engagement.id(), category, "A.5.15", "No access reviews",
                category == FindingCategory.MAJOR_NC ? deadlines.majorVerifiedBy() : deadlines.minorPlanAcceptedBy(),
                deadlines.majorLimit());
        return id;
    }

    private ProcessInstance start(UUID findingId) {
        return processEngine.getRuntimeService().startProcessInstanceByKey("iso27001-nonconformity",
                engagement.reference(), Map.of("engagementId", engagement.id().toString(), "leadAuditor", "lead",
                        "clientGroup", CamundaGroups.organisationGroup(engagement.organisationId()),
                        "findingId", findingId.toString()));
    }

    private static Map<String, Object> response(String evidence) {
        return withVariables("correction", "Reviews held", "rootCause", "No owner",
                "correctiveActionPlan", "Quarterly reviews by the CISO", "implementationEvidence", evidence);
    }

    @Test
    void aReturnedMinorResponseGoesBackToTheClientUntilThePlanIsAccepted() {
        UUID minor = finding(FindingCategory.MINOR_NC);
        ProcessInstance instance = start(minor);

        assertThat(instance).isWaitingAt("RespondToNonconformity");
        assertThat(support.task(engagement, "RespondToNonconformity"))
                .satisfies(task -> assertThat(task.getDueDate()).isEqualTo(startOf(LocalDate.of(2026, 3, 13))));
        assertThat(processEngine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskCandidateGroup(CamundaGroups.organisationGroup(engagement.organisationId())).count()).isOne();
        support.complete(engagement, "RespondToNonconformity", response(null));
        support.complete(engagement, "ReviewResponse", withVariables("reviewOutcome", "return",
                "reviewComment", "Name the owner"));
        assertThat(instance).isWaitingAt("RespondToNonconformity");
        assertThat(records.finding(minor).status()).isEqualTo("RETURNED");

        support.respondAndAccept(engagement);

        assertThat(instance).isEnded().hasPassed("ResponseAccepted", "CloseNonconformity", "NonconformityResolved");
        assertThat(records.finding(minor).status()).isEqualTo("PLAN_ACCEPTED");
    }

    @Test
    void aMajorResponseNeedsImplementationEvidence() {
        UUID major = finding(FindingCategory.MAJOR_NC);
        ProcessInstance instance = start(major);

        assertThatThrownBy(() -> support.complete(engagement, "RespondToNonconformity", response(" ")))
                .rootCause().isInstanceOf(InvalidInputException.class)
                .hasMessage("A major nonconformity needs evidence that the corrective action is implemented.");
        support.respondAndAccept(engagement);

        assertThat(instance).isEnded().hasPassed("NonconformityResolved");
        assertThat(records.finding(major).status()).isEqualTo("VERIFIED");
    }

    @Test
    void anOverdueResponseIsEscalatedTheDayAfterItsDeadlineAndStaysOpen() {
        UUID minor = finding(FindingCategory.MINOR_NC);
        ProcessInstance instance = start(minor);

        today(LocalDate.of(2026, 3, 12));
        assertThat(support.fireDueTimers(engagement)).isZero();
        today(LocalDate.of(2026, 3, 13));
        assertThat(support.fireDueTimers(engagement)).isOne();

        assertThat(instance).hasPassed("EscalateOverdueResponse", "OverdueEscalated").isWaitingAt("RespondToNonconformity");
        support.respondAndAccept(engagement);
        assertThat(instance).isEnded().hasPassed("NonconformityResolved");
    }

    @Test
    void aMajorStillOpenSixMonthsAfterStage2Lapses() {
        UUID major = finding(FindingCategory.MAJOR_NC);
        ProcessInstance instance = start(major);

        today(LocalDate.of(2026, 8, 10));
        support.fireDueTimers(engagement);
        assertThat(instance).isWaitingAt("RespondToNonconformity").hasPassed("EscalateOverdueResponse");
        today(LocalDate.of(2026, 8, 11));
        support.fireDueTimers(engagement);

        assertThat(instance).isEnded().hasPassed("RecordLapse", "NonconformityLapsed")
                .hasNotPassed("CloseNonconformity");
        assertThat(records.finding(major).status()).isEqualTo("LAPSED");
        assertThat(records.anyLapsed(records.finding(major).auditId())).isTrue();
    }
}
