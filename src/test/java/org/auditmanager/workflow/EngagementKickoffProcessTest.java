package org.auditmanager.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.auditmanager.DemoUsers;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.engagement.EngagementKind;
import org.auditmanager.engagement.Engagements;
import org.auditmanager.engagement.Framework;
import org.auditmanager.engagement.NewEngagement;
import org.auditmanager.organisation.Organisations;
import org.auditmanager.security.CamundaGroups;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestExecutionListeners;

/** The kick-off process, walked on every path through the real engagement service; coverage must be 100 %. */
@SpringBootTest(properties = "app.demo.seed-engagements=false")
@ActiveProfiles("demo")
@Import({ProcessEngineCoverageConfiguration.class, EngagementKickoffProcessTest.Coverage.class})
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class EngagementKickoffProcessTest {

    @TestConfiguration
    static class Coverage {
        @Bean
        ProcessEngineCoverageProperties coverageProperties() {
            return ProcessEngineCoverageProperties.builder().assertClassCoverageAtLeast(1.0).build();
        }
    }

    @Autowired ProcessEngine processEngine;
    @Autowired Engagements engagements;
    @Autowired Organisations organisations;
    @Autowired DemoUsers users;

    @BeforeEach
    void bindAssertionsToThisEngine() {
        BpmnAwareTests.init(processEngine);
    }

    @Test
    void acceptedEngagementWaitsForTheClientsContactsThenIsReadyForFieldwork() {
        Engagement engagement = createForAcme();
        ProcessInstance instance = instanceOf(engagement);

        assertThat(instance).isStarted().isWaitingAt("PlanEngagement");
        assertThat(task()).isAssignedTo("lead");
        assertThat(processEngine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskCandidateGroup("ENGAGEMENT_MANAGER").includeAssignedTasks().count())
                .as("a manager can take over the planning").isEqualTo(1);
        assertThat(statusOf(engagement)).isEqualTo("PLANNING");

        complete(task(), withVariables("decision", "accept"));
        assertThat(instance).isWaitingAt("ConfirmAuditContacts");
        assertThat(task()).hasCandidateGroup(CamundaGroups.organisationGroup(engagement.organisationId()));
        assertThat(statusOf(engagement)).isEqualTo("AWAITING_CLIENT");

        complete(task());
        assertThat(instance).isEnded().hasPassed("KickoffCompleted");
        assertThat(statusOf(engagement)).as("the SOC 2 examination takes over").isEqualTo("SOC2_ACCEPTANCE");
    }

    @Test
    void declinedEngagementEndsWithoutAskingTheClient() {
        Engagement engagement = createForAcme();
        ProcessInstance instance = instanceOf(engagement);

        complete(task(instance), withVariables("decision", "decline"));

        assertThat(instance).isEnded().hasPassed("EngagementDeclined").hasNotPassed("ConfirmAuditContacts");
        assertThat(statusOf(engagement)).isEqualTo("DECLINED");
    }

    private Engagement createForAcme() {
        // SOC 2 still runs the kick-off on its own; an ISO/IEC 27001 cycle calls it (CycleProcessTest)
        return engagements.create(new NewEngagement(organisations.findByName("Acme Cloud Ltd").orElseThrow().id(),
                Framework.SOC2, EngagementKind.TYPE_I, "Kick-off test", "Everything", "lead",
                List.of("auditor"), null, "reviewer", LocalDate.now().plusMonths(1), null, null, Set.of("Security")),
                users.get("manager"));
    }

    private ProcessInstance instanceOf(Engagement engagement) {
        // the kick-off runs as a called process of the engagement's own process, under the same business key
        return processEngine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("engagement-kickoff")
                .processInstanceBusinessKey(engagement.reference()).singleResult();
    }

    private String statusOf(Engagement engagement) {
        return engagements.get(engagement.id(), users.get("manager")).status();
    }
}
