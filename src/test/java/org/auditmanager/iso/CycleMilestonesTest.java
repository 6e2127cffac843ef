package org.auditmanager.iso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.auditmanager.iso.IsoProcessTestSupport.startOf;
import static org.auditmanager.iso.IsoProcessTestSupport.today;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.auditmanager.DemoUsers;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.engagement.Engagements;
import org.auditmanager.organisation.Organisations;
import org.auditmanager.timeline.Milestones;
import org.auditmanager.timeline.RecordedMilestone;
import org.auditmanager.timeline.TimelineEntry;
import org.auditmanager.timeline.Timelines;
import org.auditmanager.timeline.WhatIf;
import org.auditmanager.timeline.WhatIfQuestion;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The milestones the real cycle process records for the timeline, and the what-if projection asked before the
 * decision (issue #7: "the what-if projection equals the dates the process really produces, test drives both").
 */
@SpringBootTest(properties = "app.demo.seed-engagements=false")
@ActiveProfiles("demo")
@Import(EngineClock.class)
class CycleMilestonesTest {

    @Autowired ProcessEngine processEngine;
    @Autowired Engagements engagements;
    @Autowired Organisations organisations;
    @Autowired DemoUsers users;
    @Autowired IsoRecords records;
    @Autowired Timelines timelines;
    @Autowired Milestones milestones;

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
    void theWhatIfProjectionGivesTheDatesTheCycleProcessProduces() {
        Engagement engagement = support.isoEngagement("reviewer");
        support.throughStage1(engagement);
        support.complete(engagement, "ScheduleStage2", withVariables("stage2Start", "2026-02-16"));
        today(LocalDate.of(2026, 2, 18));
        support.runAudit(engagement, LocalDate.of(2026, 2, 16), LocalDate.of(2026, 2, 17), "", "recommend");

        assertThat(recorded(engagement).get("APPLICATION").actualDate()).isEqualTo(LocalDate.of(2026, 1, 5));
        assertThat(recorded(engagement).get("STAGE1_AUDIT").actualDate()).isEqualTo(LocalDate.of(2026, 1, 21));
        RecordedMilestone stage2 = recorded(engagement).get("STAGE2_AUDIT");
        assertThat(stage2.dueDate()).as("A.3: latest start 180 days after Stage 1").isEqualTo(LocalDate.of(2026, 7, 20));
        assertThat(stage2.plannedDate()).isEqualTo(LocalDate.of(2026, 2, 17));
        assertThat(stage2.actualDate()).isEqualTo(LocalDate.of(2026, 2, 17));

        // before anyone decides: what if the decision is on 2026-03-02?
        LocalDate decision = LocalDate.of(2026, 3, 2);
        WhatIf asked = timelines.whatIf(engagement.id(), new WhatIfQuestion(decision, null, null), users.get("lead"));
        Map<String, WhatIf.Change> then = asked.changes().stream()
                .collect(Collectors.toMap(WhatIf.Change::key, Function.identity()));
        assertThat(then).containsOnlyKeys("FIRST_SURVEILLANCE", "SECOND_SURVEILLANCE", "RECERTIFICATION_PLANNING",
                "RECERTIFICATION_AUDIT", "RECERTIFICATION_DECISION", "CERTIFICATE_EXPIRY", "RESTORATION_DEADLINE");

        // the process, driven on those dates: decision, both surveillance audits on their due dates, then expiry
        today(decision);
        support.completeAs(engagement, "CertificationDecision", "reviewer", withVariables("decision", "grant",
                "decisionReason", "Report reviewed", "soaVersion", "SoA v1"));
        assertThat(recorded(engagement).get("CERTIFICATION_DECISION").actualDate()).isEqualTo(decision);
        assertThat(records.currentCertificate(engagement.id()).orElseThrow().expiry())
                .isEqualTo(then.get("CERTIFICATE_EXPIRY").dueThen());

        LocalDate firstDue = recorded(engagement).get("FIRST_SURVEILLANCE").dueDate();
        assertThat(firstDue).isEqualTo(then.get("FIRST_SURVEILLANCE").dueThen());
        holdSurveillanceOn(engagement, firstDue);
        assertThat(recorded(engagement).get("FIRST_SURVEILLANCE").actualDate()).isEqualTo(firstDue);

        LocalDate secondDue = recorded(engagement).get("SECOND_SURVEILLANCE").dueDate();
        assertThat(secondDue).isEqualTo(then.get("SECOND_SURVEILLANCE").dueThen());
        holdSurveillanceOn(engagement, secondDue);

        LocalDate planning = recorded(engagement).get("RECERTIFICATION_PLANNING").dueDate();
        assertThat(support.timerOf(engagement, "RecertificationPlanningStarts")).isEqualTo(startOf(planning));
        today(planning);
        support.fireDueTimers(engagement);
        assertThat(recorded(engagement).get("RECERTIFICATION_PLANNING").actualDate()).isEqualTo(planning);
        LocalDate expiry = records.currentCertificate(engagement.id()).orElseThrow().expiry();
        today(expiry.plusDays(1));
        support.fireDueTimers(engagement);

        Map<String, RecordedMilestone> produced = recorded(engagement);
        Map<String, TimelineEntry> timeline = timelines.of(engagement.id(), users.get("lead")).entries().stream()
                .collect(Collectors.toMap(TimelineEntry::key, Function.identity(), (a, b) -> a));
        then.forEach((key, change) -> {
            assertThat(produced.get(key)).as("%s recorded by the process", key).isNotNull();
            assertThat(produced.get(key).dueDate()).as("%s due", key).isEqualTo(change.dueThen());
            assertThat(timeline.get(key).dueDate()).as("%s due on the timeline", key).isEqualTo(change.dueThen());
            assertThat(timeline.get(key).windowStart()).as("%s window", key).isEqualTo(change.opensThen());
        });
        assertThat(produced.get("CERTIFICATE_EXPIRY").dueDate()).isEqualTo(expiry);
        assertThat(produced.get("RECERTIFICATION_AUDIT").dueDate()).isEqualTo(expiry);
    }

    /** The surveillance audit held on {@code lastDay} (its due date), certification maintained. */
    private void holdSurveillanceOn(Engagement engagement, LocalDate lastDay) {
        today(lastDay);
        support.fireDueTimers(engagement);
        support.runAudit(engagement, lastDay.minusDays(1), lastDay, "", "recommend");
        support.completeAs(engagement, "MaintainCertification", "reviewer", withVariables("decision", "maintain",
                "decisionReason", "Report reviewed"));
    }

    private Map<String, RecordedMilestone> recorded(Engagement engagement) {
        return milestones.recorded(engagement.id()).stream()
                .collect(Collectors.toMap(RecordedMilestone::key, Function.identity()));
    }
}
