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
import org.auditmanager.common.ForbiddenException;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.engagement.Engagements;
import org.auditmanager.organisation.Organisations;
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

/**
 * Process iso27001-certification-cycle on every path, with the default properties; the audits, nonconformities and
 * the kick-off it calls are driven through their own tasks (their coverage is AuditProcessTest's and
 * NonconformityProcessTest's). Every timer is pinned to its date; coverage of the cycle must be 100 %.
 */
@SpringBootTest(properties = "app.demo.seed-engagements=false")
@ActiveProfiles("demo")
@Import({ProcessEngineCoverageConfiguration.class, EngineClock.class, CycleProcessTest.Coverage.class})
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class CycleProcessTest {

    @TestConfiguration
    static class Coverage {
        @Bean
        ProcessEngineCoverageProperties coverageProperties() {
            return ProcessEngineCoverageProperties.builder().assertClassCoverageAtLeast(1.0)
                    .excludeProcessDefinitionKeys("iso27001-audit", "iso27001-nonconformity", "engagement-kickoff")
                    .build();
        }
    }

    @Autowired ProcessEngine processEngine;
    @Autowired Engagements engagements;
    @Autowired Organisations organisations;
    @Autowired DemoUsers users;
    @Autowired IsoRecords records;
    @Autowired Certifications certifications;
    @Autowired JdbcClient jdbc;
    @Autowired AuditTime auditTime;

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

    private ProcessInstance cycleOf(Engagement engagement) {
        return processEngine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(engagements.get(engagement.id(), users.get("manager")).processInstanceId())
                .singleResult();
    }

    private String status(Engagement engagement) {
        return engagements.get(engagement.id(), users.get("manager")).status();
    }

    private IsoRecords.CertificateRow certificate(Engagement engagement) {
        return records.currentCertificate(engagement.id()).orElseThrow();
    }

    private void reviewApplication(Engagement engagement, String consultancyEndedOn) {
        support.complete(engagement, "ReviewApplication", withVariables("personsInScope", 120L,
                "sites", "London, Dublin", "scopeStatement", "Cloud hosting platform",
                "consultancyEndedOn", consultancyEndedOn));
    }

    private void decide(Engagement engagement, String task, String decision) {
        support.completeAs(engagement, task, "reviewer", withVariables("decision", decision,
                "decisionReason", "Report reviewed", "soaVersion", "SoA v3"));
    }

    private void raise(Engagement engagement, String type) {
        certifications.raise(engagement.id(), type, "Raised by the test: " + type, users.get("manager"));
    }

    /** A cycle certified on 2026-03-02 (expiry 2029-03-01) after a Stage 1 held on 2026-01-21. */
    private Engagement certified() {
        Engagement engagement = support.isoEngagement("reviewer");
        records.saveProgramme(engagement.id(), 120, "London", "Cloud hosting platform", null,
                auditTime.forPersonsInScope(120), Instant.now());
        UUID stage1 = UUID.randomUUID();
        records.insertAudit(stage1, engagement.id(), 1, AuditType.STAGE1, Instant.now());
        records.recordFieldwork(stage1, LocalDate.of(2026, 1, 20), LocalDate.of(2026, 1, 21));
        records.insertCertificate(UUID.randomUUID(), engagement.id(), "ISMS-" + engagement.reference() + "-1", 1,
                new CertificateTerm(LocalDate.of(2026, 3, 2), LocalDate.of(2029, 3, 1), false),
                "Cloud hosting platform", "SoA v3", Instant.now());
        return engagement;
    }

    @Test
    void walksInitialCertificationAndAWholeCycleIntoTheNextWithPinnedDates() {
        Engagement engagement = support.isoEngagement("reviewer");
        ProcessInstance cycle = cycleOf(engagement);
        support.acceptKickoff(engagement);
        assertThat(cycle).isWaitingAt("ReviewApplication");
        assertThat(status(engagement)).isEqualTo("APPLICATION_REVIEW");
        reviewApplication(engagement, "2023-06-30");
        assertThat(records.programme(engagement.id()).orElseThrow().auditDays().initial()).isEqualByComparingTo("12");
        assertThat(cycle).isWaitingAt("Stage1Audit");

        today(LocalDate.of(2026, 1, 14));
        support.runAudit(engagement, LocalDate.of(2026, 1, 12), LocalDate.of(2026, 1, 13),
                "CONCERN 6.1.3: the SoA omits A.8.16", "notReady");
        assertThat(cycle).isWaitingAt("Stage1Audit");
        today(LocalDate.of(2026, 1, 22));
        support.runAudit(engagement, LocalDate.of(2026, 1, 20), LocalDate.of(2026, 1, 21), "", "ready");
        assertThat(cycle).isWaitingAt("ScheduleStage2");
        // A.3: 180 days after Stage 1's last day (2026-01-21) is 2026-07-20; past it, Stage 1 must be confirmed
        assertThat(support.timerOf(engagement, "Stage1IntervalPassed")).isEqualTo(startOf(LocalDate.of(2026, 7, 21)));

        support.complete(engagement, "ScheduleStage2", withVariables("stage2Start", "2026-02-16"));
        assertThat(cycle).isWaitingAt("Stage2Audit");
        today(LocalDate.of(2026, 2, 18));
        support.runAudit(engagement, LocalDate.of(2026, 2, 16), LocalDate.of(2026, 2, 17),
                "MAJOR A.5.15: no access reviews", "recommend");
        assertThat(cycle).isWaitingAt("ResolveStage2Nonconformities");
        support.respondAndAccept(engagement);
        assertThat(cycle).isWaitingAt("CertificationDecision");
        assertThat(support.task(engagement, "CertificationDecision").getAssignee()).isEqualTo("reviewer");

        today(LocalDate.of(2026, 3, 2));
        assertThatThrownBy(() -> support.completeAs(engagement, "CertificationDecision", "auditor",
                withVariables("decision", "grant", "decisionReason", "ok", "soaVersion", "v3")))
                .rootCause().isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("Ava Auditor is not a reviewer");
        decide(engagement, "CertificationDecision", "grant");

        // A1.3: expiry = decision + 3 years − 1 day; A6.2: first surveillance by 2027-03-02, planning 3 months ahead
        assertThat(certificate(engagement).expiry()).isEqualTo(LocalDate.of(2029, 3, 1));
        assertThat(certificate(engagement).number()).isEqualTo("ISMS-" + engagement.reference() + "-1");
        assertThat(cycle).isWaitingAt("SurveillancePlanningOpens");
        assertThat(support.timerOf(engagement, "SurveillancePlanningOpens")).isEqualTo(startOf(LocalDate.of(2026, 12, 2)));

        today(LocalDate.of(2026, 12, 2));
        support.fireDueTimers(engagement);
        assertThat(status(engagement)).isEqualTo("SURVEILLANCE");
        assertThat(support.timerOf(engagement, "SurveillanceOverdue")).isEqualTo(startOf(LocalDate.of(2027, 3, 3)));
        today(LocalDate.of(2027, 1, 13));
        support.runAudit(engagement, LocalDate.of(2027, 1, 11), LocalDate.of(2027, 1, 12), "", "recommend");
        decide(engagement, "MaintainCertification", "maintain");
        // A6.1 and the 12-month interval: second surveillance by 2028-01-12, planning from 2027-10-12
        assertThat(support.timerOf(engagement, "SurveillancePlanningOpens")).isEqualTo(startOf(LocalDate.of(2027, 10, 12)));

        today(LocalDate.of(2027, 10, 12));
        support.fireDueTimers(engagement);
        today(LocalDate.of(2027, 11, 10));
        support.runAudit(engagement, LocalDate.of(2027, 11, 8), LocalDate.of(2027, 11, 9), "", "recommend");
        decide(engagement, "MaintainCertification", "maintain");
        // A7.9: recertification planning 6 months before expiry
        assertThat(support.timerOf(engagement, "RecertificationPlanningStarts"))
                .isEqualTo(startOf(LocalDate.of(2028, 9, 1)));

        today(LocalDate.of(2028, 9, 1));
        support.fireDueTimers(engagement);
        assertThat(status(engagement)).isEqualTo("RECERTIFICATION");
        support.complete(engagement, "ReviewChanges", withVariables("significantChange", "yes",
                "changeSummary", "New data centre"));
        today(LocalDate.of(2028, 10, 4));
        support.runAudit(engagement, LocalDate.of(2028, 10, 2), LocalDate.of(2028, 10, 3), "", "ready");
        today(LocalDate.of(2028, 11, 8));
        support.runAudit(engagement, LocalDate.of(2028, 11, 6), LocalDate.of(2028, 11, 7),
                "MINOR 9.3: management review minutes incomplete", "recommend");
        support.respondAndAccept(engagement);
        today(LocalDate.of(2028, 11, 20));
        decide(engagement, "RecertificationDecision", "renew");

        // A7.4: renewed on time, the new cycle follows on from the old expiry
        assertThat(certificate(engagement).expiry()).isEqualTo(LocalDate.of(2032, 3, 1));
        assertThat(certificate(engagement).issueDate()).isEqualTo(LocalDate.of(2028, 11, 20));
        assertThat(cycle).isWaitingAt("SurveillancePlanningOpens").variables().containsEntry("cycleNo", 2);
        assertThat(support.timerOf(engagement, "SurveillancePlanningOpens")).isEqualTo(startOf(LocalDate.of(2029, 12, 2)));
        assertThat(status(engagement)).isEqualTo("CERTIFIED");
    }

    @Test
    void aDeclinedKickoffEndsTheCycle() {
        Engagement engagement = support.isoEngagement("reviewer");
        ProcessInstance cycle = cycleOf(engagement);
        support.complete(engagement, "PlanEngagement", withVariables("decision", "decline"));
        assertThat(cycle).isEnded().hasPassed("EngagementDeclined");
    }

    @Test
    void consultancyWithinTwoYearsRefusesTheApplication() {
        Engagement engagement = support.isoEngagement("reviewer");
        ProcessInstance cycle = cycleOf(engagement);
        support.acceptKickoff(engagement);
        // A1.5: consultancy ended 2024-01-06, certification possible from 2026-01-06, today is 2026-01-05
        reviewApplication(engagement, "2024-01-06");
        assertThat(cycle).isEnded().hasPassed("ApplicationRefused");
        assertThat(status(engagement)).isEqualTo("IMPARTIALITY_REFUSED");
        assertThat(records.decisions(engagement.id())).singleElement()
                .satisfies(decision -> assertThat(decision.reason()).contains("possible from 2026-01-06"));
    }

    @Test
    void theStage1IntervalPassingAsksWhetherStage1IsStillValid() {
        Engagement engagement = support.isoEngagement("reviewer");
        ProcessInstance cycle = cycleOf(engagement);
        support.acceptKickoff(engagement);
        reviewApplication(engagement, null);
        today(LocalDate.of(2026, 1, 22));
        support.runAudit(engagement, LocalDate.of(2026, 1, 20), LocalDate.of(2026, 1, 21), "", "ready");

        today(LocalDate.of(2026, 7, 20));
        assertThat(support.fireDueTimers(engagement)).isZero();
        today(LocalDate.of(2026, 7, 21));
        support.fireDueTimers(engagement);
        assertThat(cycle).isWaitingAt("ConfirmStage1Validity");
        support.complete(engagement, "ConfirmStage1Validity", withVariables("stage1StillValid", "valid",
                "justification", "No changes since Stage 1"));
        assertThat(cycle).isWaitingAt("ScheduleStage2");
        // the confirmation on 2026-07-21 starts the interval again: 180 days → 2027-01-17
        assertThat(support.timerOf(engagement, "Stage1IntervalPassed")).isEqualTo(startOf(LocalDate.of(2027, 1, 18)));

        support.complete(engagement, "ScheduleStage2", withVariables("stage2Start", "2027-02-01"));
        assertThat(cycle).isWaitingAt("ConfirmStage1Validity");
        support.complete(engagement, "ConfirmStage1Validity", withVariables("stage1StillValid", "repeat",
                "justification", "New site since Stage 1"));
        assertThat(cycle).isWaitingAt("Stage1Audit");

        today(LocalDate.of(2026, 7, 24));
        support.runAudit(engagement, LocalDate.of(2026, 7, 22), LocalDate.of(2026, 7, 23), "", "ready");
        support.complete(engagement, "ScheduleStage2", withVariables("stage2Start", "2027-02-01"));
        support.complete(engagement, "ConfirmStage1Validity", withVariables("stage1StillValid", "valid",
                "justification", "Agreed with the client"));
        assertThat(cycle).isWaitingAt("Stage2Audit");
        assertThat(records.decisions(engagement.id())).extracting(IsoRecords.Decision::outcome)
                .containsExactly("VALID", "REPEAT", "VALID");
    }

    @Test
    void withoutRevalidationTheCycleRepeatsStage1() {
        Engagement engagement = support.isoEngagement("reviewer");
        ProcessInstance cycle = support.startCycleAt(engagement, "Stage2TimingGateway",
                Map.of("stage2Timing", Stage2Timing.STAGE1_REPEAT_REQUIRED.name()), jdbc);
        assertThat(cycle).isWaitingAt("Stage1Audit");
    }

    @Test
    void aStage2MajorUnverifiedAfterSixMonthsMeansANewStage2ThenCertificationCanBeRefused() {
        Engagement engagement = certifiedLessStage2();
        ProcessInstance cycle = support.startCycleAt(engagement, "Stage2Audit", Map.of(), jdbc);
        today(LocalDate.of(2026, 2, 18));
        support.runAudit(engagement, LocalDate.of(2026, 2, 16), LocalDate.of(2026, 2, 17),
                "MAJOR A.5.15: no access reviews", "doNotRecommend");

        // ✅ B.3: not verified within 6 months of Stage 2's last day (2026-08-17) → another Stage 2
        today(LocalDate.of(2026, 8, 17));
        support.fireDueTimers(engagement);
        assertThat(cycle).isWaitingAt("ResolveStage2Nonconformities");
        today(LocalDate.of(2026, 8, 18));
        support.fireDueTimers(engagement);
        assertThat(cycle).isWaitingAt("Stage2Audit");

        today(LocalDate.of(2026, 9, 10));
        support.runAudit(engagement, LocalDate.of(2026, 9, 8), LocalDate.of(2026, 9, 9), "", "doNotRecommend");
        decide(engagement, "CertificationDecision", "refuse");
        assertThat(cycle).isEnded().hasPassed("CertificationRefused");
        assertThat(status(engagement)).isEqualTo("CERTIFICATION_REFUSED");
    }

    private Engagement certifiedLessStage2() {
        Engagement engagement = support.isoEngagement("reviewer");
        records.saveProgramme(engagement.id(), 120, "London", "Cloud hosting platform", null,
                auditTime.forPersonsInScope(120), Instant.now());
        return engagement;
    }

    @Test
    void overdueSurveillanceLapsedMajorsAndARefusedMaintenanceSuspendUntilRestoredReducedOrWithdrawn() {
        Engagement engagement = certified();
        ProcessInstance cycle = support.startCycleAt(engagement, "SurveillancePlanningOpens",
                Map.of("cycleStart", "2026-03-02", "surveillanceNo", 1), jdbc);

        // A6.2, A6.5: surveillance 1 due by 2027-03-02; not held → suspended on 2027-03-03
        today(LocalDate.of(2027, 3, 3));
        support.fireDueTimers(engagement);
        assertThat(certificate(engagement).status()).isEqualTo(CertificateStatus.SUSPENDED);
        assertThat(certificate(engagement).statusReason()).contains("was not held by 2027-03-02");
        // A.9: suspended at most 6 months
        assertThat(support.timerOf(engagement, "SuspensionLimitReached")).isEqualTo(startOf(LocalDate.of(2027, 9, 4)));
        raise(engagement, "restore");
        assertThat(certificate(engagement).status()).isEqualTo(CertificateStatus.ACTIVE);

        today(LocalDate.of(2027, 3, 10));
        support.runAudit(engagement, LocalDate.of(2027, 3, 8), LocalDate.of(2027, 3, 9), "MAJOR A.8.8: no patching",
                "recommend");
        // B.3 at surveillance: major verified within 90 days (by 2027-06-07), else suspension
        today(LocalDate.of(2027, 6, 8));
        support.fireDueTimers(engagement);
        assertThat(cycle).hasPassed("RecordLapsedNonconformity", "SuspendForOpenMajor");
        assertThat(certificate(engagement).status()).isEqualTo(CertificateStatus.SUSPENDED);
        // second surveillance by 2028-03-09 (12 months after the first one's last day), planning from 2027-12-09
        assertThat(support.timerOf(engagement, "SurveillancePlanningOpens")).isEqualTo(startOf(LocalDate.of(2027, 12, 9)));

        today(LocalDate.of(2027, 12, 9));
        support.fireDueTimers(engagement);
        support.complete(engagement, "WithdrawOrReduce", withVariables("suspensionOutcome", "reduce",
                "reducedScope", "Cloud hosting platform, London only", "outcomeReason", "Dublin not fixed"));
        assertThat(certificate(engagement).status()).isEqualTo(CertificateStatus.ACTIVE);
        assertThat(certificate(engagement).scopeStatement()).isEqualTo("Cloud hosting platform, London only");

        today(LocalDate.of(2028, 1, 12));
        support.runAudit(engagement, LocalDate.of(2028, 1, 10), LocalDate.of(2028, 1, 11), "", "doNotRecommend");
        raise(engagement, "suspend");
        decide(engagement, "MaintainCertification", "suspend");
        assertThat(cycle).hasPassed("SuspendAfterSurveillance", "AlreadySuspended")
                .isWaitingAt("RecertificationPlanningStarts");

        raise(engagement, "withdraw");
        assertThat(cycle).isEnded().hasPassed("CertificationWithdrawn");
        assertThat(certificate(engagement).status()).isEqualTo(CertificateStatus.WITHDRAWN);
        assertThat(status(engagement)).isEqualTo("WITHDRAWN");
    }

    @Test
    void scopeChangesAndShortNoticeAuditsRunAsSpecialAuditsAtAnyTime() {
        Engagement engagement = certified();
        ProcessInstance cycle = support.startCycleAt(engagement, "SurveillancePlanningOpens",
                Map.of("cycleStart", "2026-03-02", "surveillanceNo", 1), jdbc);
        today(LocalDate.of(2026, 5, 6));

        raise(engagement, "scope-change");
        support.runAudit(engagement, LocalDate.of(2026, 5, 4), LocalDate.of(2026, 5, 5), "", "recommend");
        support.completeAs(engagement, "ScopeChangeDecision", "reviewer", withVariables("decision", "approve",
                "newScope", "Cloud hosting and support", "decisionReason", "Audited"));
        assertThat(certificate(engagement).scopeStatement()).isEqualTo("Cloud hosting and support");
        raise(engagement, "scope-change");
        support.runAudit(engagement, LocalDate.of(2026, 5, 4), LocalDate.of(2026, 5, 5), "", "doNotRecommend");
        support.completeAs(engagement, "ScopeChangeDecision", "reviewer", withVariables("decision", "reject",
                "decisionReason", "Not ready"));
        assertThat(cycle).hasPassed("ScopeChanged", "ScopeChangeRejected");

        raise(engagement, "special-audit");
        support.runAudit(engagement, LocalDate.of(2026, 5, 4), LocalDate.of(2026, 5, 5), "", "recommend");
        decide(engagement, "ShortNoticeDecision", "maintain");
        raise(engagement, "special-audit");
        support.runAudit(engagement, LocalDate.of(2026, 5, 4), LocalDate.of(2026, 5, 5),
                "MINOR A.5.24: complaint handling", "doNotRecommend");
        support.respondAndAccept(engagement);
        decide(engagement, "ShortNoticeDecision", "suspend");
        assertThat(cycle).hasPassed("CertificationMaintained", "SuspendAfterShortNotice");
        assertThat(certificate(engagement).status()).isEqualTo(CertificateStatus.SUSPENDED);

        today(LocalDate.of(2026, 11, 7));
        support.fireDueTimers(engagement);
        support.complete(engagement, "WithdrawOrReduce", withVariables("suspensionOutcome", "withdraw",
                "outcomeReason", "Complaint not resolved"));
        assertThat(cycle).isEnded().hasPassed("WithdrawAfterSuspension", "CertificationWithdrawn");
        assertThat(certificate(engagement).statusReason()).isEqualTo("Complaint not resolved");
    }

    @Test
    void aRecertificationDecidedAfterExpiryRestoresTheCertificateWithinSixMonths() {
        Engagement engagement = certified();
        ProcessInstance cycle = support.startCycleAt(engagement, "RecertificationPlanningStarts", Map.of(), jdbc);
        today(LocalDate.of(2028, 9, 1));
        support.fireDueTimers(engagement);
        support.complete(engagement, "ReviewChanges", withVariables("significantChange", "no", "changeSummary", "None"));

        today(LocalDate.of(2029, 3, 2));
        support.fireDueTimers(engagement);
        assertThat(certificate(engagement).status()).isEqualTo(CertificateStatus.EXPIRED);
        today(LocalDate.of(2029, 3, 7));
        support.runAudit(engagement, LocalDate.of(2029, 3, 5), LocalDate.of(2029, 3, 6), "", "recommend");
        today(LocalDate.of(2029, 4, 10));
        decide(engagement, "RecertificationDecision", "renew");

        // A7.6/A7.7: restored, effective from the decision, keeping the cycle: expiry 2032-03-01
        assertThat(certificate(engagement).restoredAfterLapse()).isTrue();
        assertThat(certificate(engagement).issueDate()).isEqualTo(LocalDate.of(2029, 4, 10));
        assertThat(certificate(engagement).expiry()).isEqualTo(LocalDate.of(2032, 3, 1));
        assertThat(cycle).hasPassed("ExpireCertificate", "CertificateLapsed").isWaitingAt("SurveillancePlanningOpens");
    }

    @Test
    void majorsNotVerifiedBeforeExpiryLeaveTheCertificateUnrenewed() {
        Engagement engagement = certified();
        ProcessInstance cycle = support.startCycleAt(engagement, "RecertificationPlanningStarts", Map.of(), jdbc);
        today(LocalDate.of(2029, 2, 22));
        support.fireDueTimers(engagement);
        support.complete(engagement, "ReviewChanges", withVariables("significantChange", "no", "changeSummary", "None"));
        support.runAudit(engagement, LocalDate.of(2029, 2, 20), LocalDate.of(2029, 2, 21), "MAJOR 9.2: no internal audit",
                "doNotRecommend");

        // A7.5: majors must be verified by the expiry date (2029-03-01)
        today(LocalDate.of(2029, 3, 2));
        support.fireDueTimers(engagement);
        assertThat(cycle).isEnded().hasPassed("RecertificationLapsed", "EndWithoutRenewal", "CertificationNotRenewed");
        assertThat(certificate(engagement).status()).isEqualTo(CertificateStatus.EXPIRED);
        assertThat(status(engagement)).isEqualTo("NOT_RENEWED");
    }

    @Test
    void aRefusedRecertificationEndsTheCycle() {
        Engagement engagement = certified();
        ProcessInstance cycle = support.startCycleAt(engagement, "RecertificationPlanningStarts", Map.of(), jdbc);
        today(LocalDate.of(2028, 10, 1));
        support.fireDueTimers(engagement);
        support.complete(engagement, "ReviewChanges", withVariables("significantChange", "no", "changeSummary", "None"));
        support.runAudit(engagement, LocalDate.of(2028, 9, 28), LocalDate.of(2028, 9, 29), "", "doNotRecommend");
        decide(engagement, "RecertificationDecision", "refuse");
        assertThat(cycle).isEnded().hasPassed("RecertificationRefused", "CertificationNotRenewed");
    }

    @Test
    void pastTheRestorationWindowANewInitialCertificationStartsWithAtLeastStage2() {
        Engagement engagement = certified();
        ProcessInstance cycle = support.startCycleAt(engagement, "RecertificationPlanningStarts", Map.of(), jdbc);
        // A7.6: expired 2029-03-02, restorable until 2029-09-01
        today(LocalDate.of(2029, 9, 1));
        support.fireDueTimers(engagement);
        assertThat(cycle).isWaitingAt("ReviewChanges");
        today(LocalDate.of(2029, 9, 2));
        support.fireDueTimers(engagement);
        assertThat(cycle).hasPassed("StartNewInitialCertification").isWaitingAt("ConfirmStage1Validity")
                .variables().containsEntry("cycleNo", 2);
    }
}
