package org.auditmanager.iso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.auditmanager.iso.IsoProcessTestSupport.startOf;
import static org.auditmanager.iso.IsoProcessTestSupport.today;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import org.auditmanager.DemoUsers;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.engagement.Engagements;
import org.auditmanager.organisation.Organisations;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * A cycle lasts years and its process changes under it (issue #4, item 10): a running engagement moves to a changed
 * version of iso27001-certification-cycle with Camunda's migration API, as docs/iso27001-cycle.md ("Process
 * versions") describes, and keeps its task, its timer and its variables.
 */
@SpringBootTest(properties = "app.demo.seed-engagements=false")
@ActiveProfiles("demo")
@Import(EngineClock.class)
@DirtiesContext // the changed version stays deployed: no other test may start its cycles on it
class CycleMigrationTest {

    private static final String CYCLE = "processes/iso27001-certification-cycle.bpmn";

    @Autowired ProcessEngine processEngine;
    @Autowired Engagements engagements;
    @Autowired Organisations organisations;
    @Autowired DemoUsers users;

    private IsoProcessTestSupport support;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
        support = new IsoProcessTestSupport(processEngine, engagements, organisations, users);
        today(LocalDate.of(2026, 1, 5));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aRunningCycleMovesToAVersionWithAnAddedStepKeepingItsTaskTimerAndVariables() {
        Engagement engagement = support.isoEngagement("reviewer");
        support.throughStage1(engagement);
        RuntimeService runtime = processEngine.getRuntimeService();
        ProcessInstance cycle = runtime.createProcessInstanceQuery()
                .processInstanceId(engagements.find(engagement.id()).orElseThrow().processInstanceId()).singleResult();
        assertThat(cycle).isWaitingAt("ScheduleStage2");
        Task task = support.task(engagement, "ScheduleStage2");
        processEngine.getTaskService().claim(task.getId(), "manager");
        Job timer = timerOf(cycle, "Stage1IntervalPassed");
        Map<String, Object> variables = runtime.getVariables(cycle.getId());

        ProcessDefinition changed = deployCycleWithCertificateDispatch();
        assertThat(changed.getVersion()).isGreaterThan(1);
        MigrationPlan plan = runtime.createMigrationPlan(cycle.getProcessDefinitionId(), changed.getId())
                .mapEqualActivities()
                .build();
        runtime.newMigration(plan).processInstanceIds(cycle.getId()).execute();

        ProcessInstance migrated = runtime.createProcessInstanceQuery().processInstanceId(cycle.getId()).singleResult();
        assertThat(migrated.getProcessDefinitionId()).isEqualTo(changed.getId());
        assertThat(migrated).isWaitingAt("ScheduleStage2");
        Task movedTask = support.task(engagement, "ScheduleStage2");
        assertThat(movedTask.getId()).isEqualTo(task.getId());
        assertThat(movedTask.getAssignee()).isEqualTo("manager");
        assertThat(movedTask.getProcessDefinitionId()).isEqualTo(changed.getId());
        Job movedTimer = timerOf(migrated, "Stage1IntervalPassed");
        assertThat(movedTimer.getId()).isEqualTo(timer.getId());
        assertThat(movedTimer.getDuedate()).isEqualTo(timer.getDuedate()).isEqualTo(startOf(LocalDate.of(2026, 7, 21)));
        assertThat(movedTimer.getProcessDefinitionId()).isEqualTo(changed.getId());
        assertThat(runtime.getVariables(cycle.getId())).isEqualTo(variables);

        // it goes on in the new version, through the added step
        support.complete(engagement, "ScheduleStage2", withVariables("stage2Start", "2026-02-16"));
        today(LocalDate.of(2026, 2, 18));
        support.runAudit(engagement, LocalDate.of(2026, 2, 16), LocalDate.of(2026, 2, 17), "", "recommend");
        support.completeAs(engagement, "CertificationDecision", "reviewer", withVariables("decision", "grant",
                "decisionReason", "Report reviewed", "soaVersion", "SoA v1"));
        assertThat(migrated).isWaitingAt("DispatchCertificate");
        support.complete(engagement, "DispatchCertificate", Map.of());
        assertThat(migrated).isWaitingAt("SurveillancePlanningOpens");
    }

    private Job timerOf(ProcessInstance instance, String activityId) {
        return processEngine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                .activityId(activityId).singleResult();
    }

    /**
     * A release that adds "Dispatch the certificate" after the certificate is issued: every process and form
     * resource deployed again, as the application's deployer does when one of them changed, so that the calls and
     * forms bound by deployment resolve in the new deployment.
     */
    private ProcessDefinition deployCycleWithCertificateDispatch() {
        DeploymentBuilder deployment = processEngine.getRepositoryService().createDeployment()
                .name("audit-engagement-manager");
        try {
            for (String pattern : new String[] {"classpath*:processes/*.bpmn", "classpath*:processes/*.dmn",
                    "classpath*:forms/*.form"}) {
                for (Resource resource : new PathMatchingResourcePatternResolver().getResources(pattern)) {
                    String folder = pattern.substring("classpath*:".length(), pattern.indexOf('/') + 1);
                    String name = folder + resource.getFilename();
                    String content = resource.getContentAsString(StandardCharsets.UTF_8);
                    deployment.addString(name, name.equals(CYCLE) ? withCertificateDispatch(content) : content);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String deploymentId = deployment.deploy().getId();
        return processEngine.getRepositoryService().createProcessDefinitionQuery().deploymentId(deploymentId)
                .processDefinitionKey("iso27001-certification-cycle").singleResult();
    }

    private static String withCertificateDispatch(String cycle) {
        String flow = "<bpmn:sequenceFlow id=\"Flow_ToSurveillancePlanning\" sourceRef=\"IssueCertificate\" "
                + "targetRef=\"SurveillancePlanningOpens\" />";
        assertThat(cycle).contains(flow);
        return cycle
                .replace(flow, """
                        <bpmn:sequenceFlow id="Flow_ToSurveillancePlanning" sourceRef="IssueCertificate" \
                        targetRef="DispatchCertificate" />
                        <bpmn:userTask id="DispatchCertificate" name="Dispatch the certificate" \
                        camunda:candidateGroups="ENGAGEMENT_MANAGER">
                          <bpmn:incoming>Flow_ToSurveillancePlanning</bpmn:incoming>
                          <bpmn:outgoing>Flow_ToSurveillancePlanningAfterDispatch</bpmn:outgoing>
                        </bpmn:userTask>
                        <bpmn:sequenceFlow id="Flow_ToSurveillancePlanningAfterDispatch" \
                        sourceRef="DispatchCertificate" targetRef="SurveillancePlanningOpens" />""")
                .replace("<bpmn:incoming>Flow_ToSurveillancePlanning</bpmn:incoming>\n      <bpmn:incoming>Flow_LoopSurveillance",
                        "<bpmn:incoming>Flow_ToSurveillancePlanningAfterDispatch</bpmn:incoming>\n      <bpmn:incoming>Flow_LoopSurveillance");
    }
}
