package org.auditmanager.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.engagement.ProcessVariables;
import org.auditmanager.iso.CycleProjection;
import org.auditmanager.iso.IsoCyclePolicy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * GET /api/engagements/{id}/timeline and /what-if: recorded milestones, the dates each framework projects from
 * them, statuses as of today, what a client may see, and the what-if agreeing with what a process records.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("demo")
class TimelineApiTest {

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;
    @Autowired Milestones milestones;
    @Autowired IsoCyclePolicy isoPolicy;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired ObjectMapper json;

    TimelineFixtures fixtures;
    final LocalDate today = LocalDate.now();

    @BeforeEach
    void fixtures() {
        fixtures = new TimelineFixtures(context);
    }

    private Map<String, JsonNode> timeline(Engagement engagement, String user) throws Exception {
        String body = mvc.perform(get("/api/engagements/{id}/timeline", engagement.id()).with(httpBasic(user, user)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Map<String, JsonNode> byKey = new HashMap<>();
        json.readTree(body).get("milestones").forEach(node -> byKey.put(node.get("key").asText(), node));
        return byKey;
    }

    private static String text(JsonNode node, String field) {
        return node.get(field) == null || node.get(field).isNull() ? null : node.get(field).asText();
    }

    @Test
    void soc2TypeIIShowsTheObservationPeriodReportDueAndBridgeLetterCover() throws Exception {
        Engagement soc2 = fixtures.soc2TypeII(TimelineFixtures.ACME, "SOC 2 timeline", LocalDate.of(2030, 1, 1),
                LocalDate.of(2030, 6, 30));

        Map<String, JsonNode> milestones = timeline(soc2, "lead");

        assertThat(text(milestones.get("OBSERVATION_PERIOD"), "windowStart")).isEqualTo("2030-01-01");
        assertThat(text(milestones.get("OBSERVATION_PERIOD"), "dueDate")).isEqualTo("2030-06-30");
        assertThat(text(milestones.get("REPORT_ISSUED"), "dueDate")).isEqualTo("2030-08-29");
        assertThat(text(milestones.get("REPORT_ISSUED"), "kind")).isEqualTo("DEADLINE");
        assertThat(text(milestones.get("REPORT_ISSUED"), "status")).isEqualTo("PLANNED");
        assertThat(text(milestones.get("BRIDGE_LETTER_COVER"), "windowStart")).isEqualTo("2030-07-01");
        assertThat(text(milestones.get("BRIDGE_LETTER_COVER"), "dueDate")).isEqualTo("2030-09-30");
    }

    @Test
    void isoCycleIsProjectedFromTheRecordedCertificationDecision() throws Exception {
        Engagement iso = fixtures.iso(TimelineFixtures.ACME, "ISO timeline");
        milestones.record(iso.id(), "CERTIFICATION_DECISION", null, null, null, LocalDate.of(2025, 3, 14));

        Map<String, JsonNode> cycle = timeline(iso, "lead");

        // the worked example of docs/iso27001-cycle.md
        assertThat(text(cycle.get("CERTIFICATION_DECISION"), "status")).isEqualTo("DONE");
        assertThat(text(cycle.get("CERTIFICATION_DECISION"), "label")).isEqualTo("Certification decision");
        assertThat(text(cycle.get("FIRST_SURVEILLANCE"), "dueDate")).isEqualTo("2026-03-14");
        assertThat(text(cycle.get("FIRST_SURVEILLANCE"), "status")).isEqualTo("OVERDUE");
        assertThat(text(cycle.get("SECOND_SURVEILLANCE"), "windowStart")).isEqualTo("2027-01-01");
        assertThat(text(cycle.get("SECOND_SURVEILLANCE"), "dueDate")).isEqualTo("2027-03-14");
        assertThat(text(cycle.get("RECERTIFICATION_PLANNING"), "dueDate")).isEqualTo("2027-09-13");
        assertThat(text(cycle.get("RECERTIFICATION_AUDIT"), "dueDate")).isEqualTo("2028-03-13");
        assertThat(text(cycle.get("CERTIFICATE_EXPIRY"), "dueDate")).isEqualTo("2028-03-13");
        assertThat(text(cycle.get("CERTIFICATE_EXPIRY"), "kind")).isEqualTo("MARKER");
        assertThat(text(cycle.get("RESTORATION_DEADLINE"), "windowStart")).isEqualTo("2028-03-14");
        assertThat(text(cycle.get("RESTORATION_DEADLINE"), "dueDate")).isEqualTo("2028-09-13");
    }

    @Test
    void aHeldSurveillanceAuditMovesTheWindowAfterIt() throws Exception {
        Engagement iso = fixtures.iso(TimelineFixtures.ACME, "ISO surveillance held");
        milestones.record(iso.id(), "CERTIFICATION_DECISION", null, null, null, LocalDate.of(2025, 3, 14));
        milestones.record(iso.id(), "FIRST_SURVEILLANCE", null, null, null, LocalDate.of(2026, 2, 20));

        Map<String, JsonNode> cycle = timeline(iso, "lead");

        assertThat(text(cycle.get("FIRST_SURVEILLANCE"), "status")).isEqualTo("DONE");
        assertThat(text(cycle.get("FIRST_SURVEILLANCE"), "actualDate")).isEqualTo("2026-02-20");
        assertThat(text(cycle.get("SECOND_SURVEILLANCE"), "dueDate")).isEqualTo("2027-02-20");
    }

    @Test
    void statusesFollowTheDueDateAndTheFirstReminder() throws Exception {
        Engagement iso = fixtures.iso(TimelineFixtures.ACME, "ISO statuses");
        milestones.record(iso.id(), "CORRECTIVE_PLAN", "Corrective action plan", null, today.minusDays(1), null);
        milestones.record(iso.id(), "CLIENT_DOCUMENTS", "Documents from the client", null, today.plusDays(14), null);
        milestones.record(iso.id(), "OPENING_MEETING", "Opening meeting", today.plusDays(20), today.plusDays(15), null);
        milestones.record(iso.id(), "CONTRACT", "Contract signed", null, today.minusDays(5), today.minusDays(6));

        Map<String, JsonNode> entries = timeline(iso, "lead");

        assertThat(text(entries.get("CORRECTIVE_PLAN"), "status")).isEqualTo("OVERDUE");
        assertThat(text(entries.get("CLIENT_DOCUMENTS"), "status")).isEqualTo("DUE_SOON");
        assertThat(text(entries.get("OPENING_MEETING"), "status")).isEqualTo("PLANNED");
        assertThat(text(entries.get("OPENING_MEETING"), "plannedDate")).isEqualTo(today.plusDays(20).toString());
        assertThat(text(entries.get("CONTRACT"), "status")).isEqualTo("DONE");
        assertThat(text(entries.get("CONTRACT"), "phase")).isEqualTo("OTHER");
    }

    @Test
    void aLaterRecordKeepsTheDatesItDoesNotGiveAndGoesToTheAuditTrail() throws Exception {
        Engagement iso = fixtures.iso(TimelineFixtures.ACME, "ISO recorded twice");
        milestones.record(iso.id(), "STAGE2_AUDIT", null, today.plusDays(30), today.plusDays(40), null);
        milestones.record(iso.id(), "STAGE2_AUDIT", null, null, null, today.plusDays(31));

        assertThat(milestones.recorded(iso.id())).singleElement().satisfies(stage2 -> {
            assertThat(stage2.label()).isEqualTo("Stage 2 audit");
            assertThat(stage2.plannedDate()).isEqualTo(today.plusDays(30));
            assertThat(stage2.dueDate()).isEqualTo(today.plusDays(40));
            assertThat(stage2.actualDate()).isEqualTo(today.plusDays(31));
        });
        mvc.perform(get("/api/engagements/{id}/audit-trail", iso.id()).param("action", "CHANGED")
                        .with(httpBasic("manager", "manager")))
                .andExpect(jsonPath("$.items[0].entityType").value("MILESTONE"))
                .andExpect(jsonPath("$.items[0].entityId").value("STAGE2_AUDIT"));
        mvc.perform(get("/api/engagements/{id}/audit-trail", iso.id()).param("action", "RECORDED")
                        .with(httpBasic("manager", "manager")))
                .andExpect(jsonPath("$.total").value(1));
    }

    @Test
    void thePlannedFieldworkComesFromTheEngagementPlan() throws Exception {
        Engagement iso = fixtures.iso(TimelineFixtures.ACME, "ISO planned");
        fixtures.plan(iso, today.plusDays(21), today.plusDays(25));

        JsonNode fieldwork = timeline(iso, "lead").get("FIELDWORK");

        assertThat(text(fieldwork, "windowStart")).isEqualTo(today.plusDays(21).toString());
        assertThat(text(fieldwork, "dueDate")).isEqualTo(today.plusDays(25).toString());
        assertThat(text(fieldwork, "kind")).isEqualTo("PERIOD");
    }

    @Nested
    class Visibility {

        @Test
        void aClientGets404ForAnotherOrganisationsTimelineAndWhatIf() throws Exception {
            Engagement globex = fixtures.iso(TimelineFixtures.GLOBEX, "Globex timeline");

            mvc.perform(get("/api/engagements/{id}/timeline", globex.id()).with(httpBasic("acme", "acme")))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
            mvc.perform(get("/api/engagements/{id}/what-if", globex.id()).param("decisionDate", "2026-01-10")
                    .with(httpBasic("acme", "acme"))).andExpect(status().isNotFound());
            mvc.perform(get("/api/engagements/{id}/timeline", globex.id()).with(httpBasic("lead", "lead")))
                    .andExpect(status().isNotFound());
        }

        @Test
        void aClientSeesItsOwnTasksButNotTheAuditorsInternalOnes() throws Exception {
            Engagement iso = fixtures.iso(TimelineFixtures.ACME, "ISO tasks");
            assertThat(timeline(iso, "lead").keySet()).anyMatch(key -> key.startsWith("task:"));
            assertThat(timeline(iso, "acme").keySet()).noneMatch(key -> key.startsWith("task:"));

            fixtures.plan(iso, today.plusDays(21), today.plusDays(25));

            assertThat(timeline(iso, "acme").values()).filteredOn(node -> text(node, "source").equals("TASK"))
                    .extracting(node -> text(node, "label")).containsExactly("Confirm audit contacts");
        }
    }

    @Nested
    class WhatIf {

        @Test
        void givesTheDatesTheRecordingProcessProducesForTheSameDecision() throws Exception {
            LocalDate decision = LocalDate.of(2026, 5, 29);
            Engagement iso = fixtures.iso(TimelineFixtures.ACME, "ISO what-if");
            String answer = mvc.perform(get("/api/engagements/{id}/what-if", iso.id())
                            .param("decisionDate", decision.toString()).with(httpBasic("lead", "lead")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            Map<String, JsonNode> whatIf = new HashMap<>();
            json.readTree(answer).get("changes").forEach(change -> whatIf.put(change.get("key").asText(), change));

            // the ISO cycle process is not on this branch: a stand-in process records the decision through the
            // same bean and expression the cycle process is to use
            repositoryService.createDeployment().addClasspathResource("bpmn/records-cycle-milestones.bpmn").deploy();
            runtimeService.startProcessInstanceByKey("records-cycle-milestones", iso.reference() + "-cycle", Map.of(
                    ProcessVariables.ENGAGEMENT_ID, iso.id().toString(), "stage2End", "2026-04-30",
                    "decisionDate", Date.from(decision.atStartOfDay(ZoneId.systemDefault()).toInstant())));
            Map<String, JsonNode> recorded = timeline(iso, "lead");
            CycleProjection policy = isoPolicy.project(decision, null, null);

            assertThat(text(recorded.get("CERTIFICATION_DECISION"), "actualDate")).isEqualTo(decision.toString());
            assertThat(whatIf).hasSize(7);
            whatIf.forEach((key, change) -> {
                assertThat(text(change, "dueThen")).as(key).isEqualTo(text(recorded.get(key), "dueDate"));
                assertThat(text(change, "opensThen")).as(key).isEqualTo(text(recorded.get(key), "windowStart"));
                CycleProjection.Milestone rule = policy.milestone(CycleProjection.MilestoneKind.valueOf(key));
                assertThat(text(change, "dueThen")).as(key).isEqualTo(rule.due().toString());
                assertThat(text(change, "opensThen")).as(key).isEqualTo(rule.opens() == null ? null : rule.opens().toString());
            });
        }

        @Test
        void aMovedStage2KeepsTheDecisionAtItsRecordedDistanceAndGivesTheNonconformityDeadlines() throws Exception {
            Engagement iso = fixtures.iso(TimelineFixtures.ACME, "ISO stage 2 moves");
            milestones.record(iso.id(), "STAGE1_AUDIT", null, LocalDate.of(2026, 1, 20), null, null);
            milestones.record(iso.id(), "STAGE2_AUDIT", null, LocalDate.of(2026, 2, 10), null, null);
            milestones.record(iso.id(), "CERTIFICATION_DECISION", null, LocalDate.of(2026, 3, 10), null, null);

            mvc.perform(get("/api/engagements/{id}/what-if", iso.id()).param("stage2Start", "2026-07-27")
                            .param("stage2End", "2026-07-29").with(httpBasic("manager", "manager")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.decisionDerived").value(true))
                    .andExpect(jsonPath("$.decisionDate").value("2026-08-26"))
                    .andExpect(jsonPath("$.stage2Timing").value("STAGE1_VALIDITY_DECISION_REQUIRED"))
                    .andExpect(jsonPath("$.latestStage2Start").value("2026-07-19"))
                    .andExpect(jsonPath("$.afterStage2.majorVerifiedBy").value("2026-10-27"))
                    .andExpect(jsonPath("$.afterStage2.minorPlanAcceptedBy").value("2026-08-28"))
                    .andExpect(jsonPath("$.afterStage2.majorLimit").value("2027-01-29"))
                    .andExpect(jsonPath("$.decisionTooLate").value(false))
                    .andExpect(jsonPath("$.changes[?(@.key == 'FIRST_SURVEILLANCE')].dueNow").value("2027-03-10"))
                    .andExpect(jsonPath("$.changes[?(@.key == 'FIRST_SURVEILLANCE')].dueThen").value("2027-08-26"));
        }

        @Test
        void isForIsoCyclesOnlyAndNeedsADate() throws Exception {
            Engagement soc2 = fixtures.soc2TypeII(TimelineFixtures.ACME, "SOC 2 what-if", LocalDate.of(2030, 1, 1),
                    LocalDate.of(2030, 6, 30));
            mvc.perform(get("/api/engagements/{id}/what-if", soc2.id()).param("decisionDate", "2030-09-01")
                    .with(httpBasic("lead", "lead"))).andExpect(status().isBadRequest());
            Engagement iso = fixtures.iso(TimelineFixtures.ACME, "ISO what-if without date");
            mvc.perform(get("/api/engagements/{id}/what-if", iso.id()).with(httpBasic("lead", "lead")))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors.decisionDate").isNotEmpty());
        }
    }
}
