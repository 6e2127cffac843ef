package org.auditmanager.iso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.auditmanager.iso.IsoProcessTestSupport.today;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.auditmanager.DemoUsers;
import org.auditmanager.catalog.Catalog;
import org.auditmanager.common.PageRequest;
import org.auditmanager.evidence.EvidenceRequest;
import org.auditmanager.evidence.EvidenceRequests;
import org.auditmanager.evidence.EvidenceStatus;
import org.auditmanager.soa.StatementsOfApplicability;
import org.auditmanager.common.ForbiddenException;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestExecutionListeners;

/** Process iso27001-audit on its own, started as the cycle calls it; coverage must be 100 %. */
@SpringBootTest(properties = "app.demo.seed-engagements=false")
@ActiveProfiles("demo")
@Import({ProcessEngineCoverageConfiguration.class, EngineClock.class, AuditProcessTest.Coverage.class})
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class AuditProcessTest {

    @TestConfiguration
    static class Coverage {
        @Bean
        ProcessEngineCoverageProperties coverageProperties() {
            return ProcessEngineCoverageProperties.builder().assertClassCoverageAtLeast(1.0)
                    .excludeProcessDefinitionKeys("iso27001-certification-cycle", "engagement-kickoff", "evidence-request")
                    .build();
        }
    }

    @Autowired ProcessEngine processEngine;
    @Autowired Engagements engagements;
    @Autowired Organisations organisations;
    @Autowired DemoUsers users;
    @Autowired IsoRecords records;
    @Autowired Catalog catalog;
    @Autowired StatementsOfApplicability statements;
    @Autowired EvidenceRequests evidenceRequests;
    @Autowired JdbcClient jdbc;

    private IsoProcessTestSupport support;
    private Engagement engagement;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
        support = new IsoProcessTestSupport(processEngine, engagements, organisations, users);
        today(LocalDate.of(2026, 2, 20));
        engagement = support.isoEngagement("reviewer");
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private ProcessInstance startAudit(AuditType type) {
        return processEngine.getRuntimeService().startProcessInstanceByKey("iso27001-audit", engagement.reference(),
                Map.of("engagementId", engagement.id().toString(), "leadAuditor", "lead", "cycleNo", 1,
                        "clientGroup", CamundaGroups.organisationGroup(engagement.organisationId()),
                        "auditType", type.name()));
    }

    @Test
    void stage1DocumentsAreasOfConcernAndEndsWithTheReadinessDecision() {
        ProcessInstance audit = startAudit(AuditType.STAGE1);
        assertThat(audit).isWaitingAt("PlanAudit");
        assertThat(support.task(engagement, "PlanAudit").getAssignee()).isEqualTo("lead");

        support.runAudit(engagement, LocalDate.of(2026, 2, 9), LocalDate.of(2026, 2, 10),
                "CONCERN 6.1.3: the SoA omits A.8.16\nOFI: document the review cadence", "ready");

        assertThat(audit).isEnded().hasPassed("DecideReadiness").hasNotPassed("SignOffAudit")
                .variables().containsEntry("recommendation", "ready").containsEntry("ncFindingIds", List.of());
        UUID auditId = UUID.fromString((String) processEngine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(audit.getId()).variableName("auditId").singleResult().getValue());
        assertThat(records.findings(auditId)).extracting(IsoRecords.FindingRow::category)
                .containsExactlyInAnyOrder(FindingCategory.OFI, FindingCategory.AREA_OF_CONCERN);
        assertThat(records.audit(auditId).actualEnd()).isEqualTo(LocalDate.of(2026, 2, 10));
    }

    @Test
    void collectingEvidenceDraftsTheAuditsRequestsAndWaitsForTheSharedOnesUnlessTheLeadRecordsWhy() {
        IsoProcessTestSupport.approveSoa(engagement, Set.of("A.5.15", "A.8.16"), catalog, statements, users);
        ProcessInstance audit = startAudit(AuditType.STAGE2);
        support.complete(engagement, "PlanAudit", withVariables("plannedStart", "2026-03-09",
                "plannedEnd", "2026-03-10", "auditPlan", "Plan"));
        assertThat(audit).isWaitingAt("CollectEvidence").variables().containsEntry("evidenceRequestsDrafted", 2);
        List<EvidenceRequest> drafts = requestsOfEngagement();
        assertThat(drafts).extracting(EvidenceRequest::controlIds)
                .containsExactlyInAnyOrder(List.of("A.5.15"), List.of("A.8.16"));
        assertThat(drafts).extracting(EvidenceRequest::status).containsOnly(EvidenceStatus.DRAFT);

        // drafts do not hold the audit up; shared requests do, until accepted or cancelled
        evidenceRequests.share(drafts.stream().map(EvidenceRequest::id).toList(), users.get("lead"));
        assertThatThrownBy(() -> support.complete(engagement, "CollectEvidence",
                withVariables("evidenceSummary", "Policies", "evidenceComplete", true)))
                .rootCause().isInstanceOf(InvalidInputException.class)
                .hasMessage("PBC-001, PBC-002 of this audit are still open. Accept or cancel them on the evidence "
                        + "request list, or record here why the fieldwork can go ahead without them.");
        evidenceRequests.cancel(drafts.get(1).id(), "Covered by the site visit", users.get("lead"));
        assertThatThrownBy(() -> support.complete(engagement, "CollectEvidence",
                withVariables("evidenceSummary", "Policies", "evidenceComplete", true, "openRequestsReason", " ")))
                .rootCause().isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("PBC-001 of this audit is still open.")
                .satisfies(refusal -> assertThat(((InvalidInputException) refusal).fieldErrors())
                        .containsKey("openRequestsReason"));
        assertThat(audit).isWaitingAt("CollectEvidence");

        support.complete(engagement, "CollectEvidence", withVariables("evidenceSummary", "Policies",
                "evidenceComplete", true, "openRequestsReason", "The client shows the access reviews on site."));
        assertThat(audit).isWaitingAt("ConductFieldwork");
        UUID auditId = UUID.fromString((String) processEngine.getRuntimeService()
                .getVariable(audit.getId(), "auditId"));
        assertThat(jdbc.sql("select evidence_summary from iso_audit where id = :id").param("id", auditId)
                .query(String.class).single())
                .isEqualTo("Policies\n\nStill open when the fieldwork began (PBC-001): The client shows the access "
                        + "reviews on site.");

        // the next audit asks again for what this one asked: its round has requests of its own
        ProcessInstance surveillance = startAudit(AuditType.SURVEILLANCE);
        processEngine.getTaskService().createTaskQuery().processInstanceId(surveillance.getId()).list()
                .forEach(task -> processEngine.getTaskService().complete(task.getId(), withVariables(
                        "plannedStart", "2026-09-09", "plannedEnd", "2026-09-10", "auditPlan", "Plan")));
        assertThat(surveillance).isWaitingAt("CollectEvidence").variables()
                .containsEntry("evidenceRequestsDrafted", 2);
        assertThat(requestsOfEngagement()).hasSize(4);
    }

    private List<EvidenceRequest> requestsOfEngagement() {
        return evidenceRequests.list(engagement.id(), users.get("lead"), PageRequest.of(0, 50)).items();
    }

    @Test
    void stage2NonconformitiesGetTheirDeadlinesFromTheAuditsLastDay() {
        ProcessInstance audit = startAudit(AuditType.STAGE2);

        support.runAudit(engagement, LocalDate.of(2026, 2, 9), LocalDate.of(2026, 2, 10),
                "MAJOR A.5.15: no access reviews\nMINOR 9.2: internal audit programme incomplete", "recommend");

        assertThat(audit).isEnded().hasPassed("SignOffAudit").hasNotPassed("DecideReadiness");
        @SuppressWarnings("unchecked")
        List<String> ncs = (List<String>) processEngine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(audit.getId()).variableName("ncFindingIds").singleResult().getValue();
        assertThat(ncs).hasSize(2);
        IsoRecords.FindingRow major = ncs.stream().map(id -> records.finding(UUID.fromString(id)))
                .filter(finding -> finding.category() == FindingCategory.MAJOR_NC).findFirst().orElseThrow();
        IsoRecords.FindingRow minor = ncs.stream().map(id -> records.finding(UUID.fromString(id)))
                .filter(finding -> finding.category() == FindingCategory.MINOR_NC).findFirst().orElseThrow();
        // B.3: major verified within 90 days, minor plan accepted within 30 days, both lapse 6 months after Stage 2
        assertThat(major.dueDate()).isEqualTo(LocalDate.of(2026, 5, 11));
        assertThat(major.clause()).isEqualTo("A.5.15");
        assertThat(minor.dueDate()).isEqualTo(LocalDate.of(2026, 3, 12));
        assertThat(major.limitDate()).isEqualTo(LocalDate.of(2026, 8, 10));
        assertThat(minor.limitDate()).isEqualTo(LocalDate.of(2026, 8, 10));
    }

    @Test
    void refusesFindingsThatDoNotBelongToTheAuditAndKeepsTheTaskOpen() {
        startAudit(AuditType.STAGE1);
        support.complete(engagement, "PlanAudit", withVariables("plannedStart", "2026-02-09",
                "plannedEnd", "2026-02-10", "auditPlan", "Plan"));
        support.complete(engagement, "CollectEvidence", withVariables("evidenceSummary", "x", "evidenceComplete", true));
        support.complete(engagement, "ConductFieldwork", withVariables("actualStart", "2026-02-09",
                "actualEnd", "2026-02-10"));

        assertThatThrownBy(() -> support.complete(engagement, "RecordFindings",
                withVariables("findings", "MAJOR A.5.1: no policy")))
                .rootCause().isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Stage 1 documents areas of concern");
        assertThatThrownBy(() -> support.complete(engagement, "RecordFindings",
                withVariables("findings", "SEVERE A.5.1: no policy")))
                .rootCause().isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Line 1: start with MAJOR, MINOR, OFI or CONCERN");
        assertThat(support.task(engagement, "RecordFindings")).isNotNull();
    }

    @Test
    void refusesImpossibleDatesUnknownTeamMembersAndASignOffByAnyoneButTheLead() {
        startAudit(AuditType.SURVEILLANCE);
        assertThatThrownBy(() -> support.complete(engagement, "PlanAudit", withVariables("plannedStart", "2026-03-10",
                "plannedEnd", "2026-03-09", "auditPlan", "Plan")))
                .rootCause().isInstanceOf(InvalidInputException.class).hasMessage("The audit cannot end before it starts.");
        assertThatThrownBy(() -> support.complete(engagement, "PlanAudit", withVariables("plannedStart", "2026-03-09",
                "plannedEnd", "2026-03-10", "auditPlan", "Plan", "auditTeam", "auditor, acme")))
                .rootCause().isInstanceOf(InvalidInputException.class).hasMessage("'acme' is not an active auditor or reviewer.");
        support.complete(engagement, "PlanAudit", withVariables("plannedStart", "2026-02-16",
                "plannedEnd", "2026-02-17", "auditPlan", "Plan", "auditTeam", "auditor"));
        support.complete(engagement, "CollectEvidence", withVariables("evidenceSummary", "x", "evidenceComplete", true));
        assertThatThrownBy(() -> support.complete(engagement, "ConductFieldwork", withVariables(
                "actualStart", "2026-02-16", "actualEnd", "2026-02-21")))
                .rootCause().isInstanceOf(InvalidInputException.class).hasMessageContaining("its last day is in the future");
        assertThatThrownBy(() -> support.complete(engagement, "ConductFieldwork", withVariables(
                "actualStart", "2026-02-17", "actualEnd", "2026-02-16")))
                .rootCause().isInstanceOf(InvalidInputException.class).hasMessage("Fieldwork cannot end before it starts.");
        support.complete(engagement, "ConductFieldwork", withVariables("actualStart", "2026-02-16",
                "actualEnd", "2026-02-17"));
        support.complete(engagement, "RecordFindings", withVariables("findings", ""));
        support.complete(engagement, "WriteReport", withVariables("report", "Report"));

        assertThatThrownBy(() -> support.completeAs(engagement, "SignOffAudit", "auditor",
                withVariables("recommendation", "recommend", "signOff", true)))
                .rootCause().isInstanceOf(ForbiddenException.class).hasMessage("Only the lead auditor signs off the audit report.");
        assertThatThrownBy(() -> support.completeAs(engagement, "SignOffAudit", "lead",
                withVariables("recommendation", "recommend", "signOff", false)))
                .rootCause().isInstanceOf(InvalidInputException.class).hasMessage("The lead auditor signs the report off.");
        assertThat(records.auditors(engagement.id())).contains("lead", "auditor");
    }
}
