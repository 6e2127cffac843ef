package org.auditmanager.iso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.auditmanager.iso.IsoProcessTestSupport.today;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A whole three-year ISO/IEC 27001 cycle driven the way a script would drive it: only {@code /api/**} calls with the
 * demo users' HTTP Basic credentials (tasks, SoA, evidence requests and files, cycle events). What a script cannot do,
 * the test does in their place: move the engine clock and run the jobs that are due (the job executor is off in
 * tests). Application → Stage 1 → Stage 2 (with evidence requests and a minor nonconformity) → decision →
 * surveillance 1 → suspension and restoration → surveillance 2 → recertification → the next cycle's surveillance.
 */
@SpringBootTest(properties = "app.demo.seed-engagements=false")
@AutoConfigureMockMvc
@ActiveProfiles("demo")
@Import(EngineClock.class)
class IsoCycleOverApiTest {

    private static final Set<String> APPLICABLE = Set.of("A.5.15", "A.8.16");

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired ManagementService managementService;
    @Autowired RuntimeService runtimeService;

    private String engagementId;
    private String reference;

    @BeforeEach
    void startOn() {
        today(LocalDate.of(2026, 1, 5));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void drivesAWholeCycleIntoTheNextThroughTheApiAlone() throws Exception {
        String acme = organisation("Acme Cloud Ltd");
        JsonNode created = call(post("/api/engagements").contentType(MediaType.APPLICATION_JSON).content(json(Map.of(
                "organisationId", acme, "framework", "ISO27001", "kind", "CERTIFICATION_CYCLE",
                "title", "ISMS certification", "scope", "Cloud hosting platform", "leadAuditor", "lead",
                "auditTeam", List.of("auditor"), "decisionMaker", "reviewer"))), "manager", status().isCreated());
        engagementId = created.get("id").asText();
        reference = created.get("reference").asText();

        // application
        complete("PlanEngagement", "lead", Map.of("plannedStart", "2026-01-20", "plannedEnd", "2026-02-17",
                "auditorDays", 12, "decision", "accept", "independenceConfirmed", true));
        complete("ConfirmAuditContacts", "acme", Map.of("contactName", "Alice Admin",
                "contactEmail", "alice@acme.example", "fieldworkModes", List.of("remote"), "auditLanguage", "en"));
        complete("ReviewApplication", "manager", Map.of("personsInScope", 120, "sites", "London",
                "scopeStatement", "Cloud hosting platform"));

        // Stage 1, before the SoA is approved: no requests drafted, nothing holds the evidence step
        today(LocalDate.of(2026, 1, 22));
        audit(LocalDate.of(2026, 1, 20), LocalDate.of(2026, 1, 21), "CONCERN 6.1.3: risk criteria vague",
                "DecideReadiness", "ready");
        assertThat(requests()).isEmpty();

        approveSoa();
        complete("ScheduleStage2", "manager", Map.of("stage2Start", "2026-02-16"));

        // Stage 2: the audit drafts a request per applicable control; the lead shares them, the client provides
        today(LocalDate.of(2026, 2, 2));
        complete("PlanAudit", "lead", Map.of("plannedStart", "2026-02-16", "plannedEnd", "2026-02-17",
                "auditPlan", "Access control and logging"));
        List<JsonNode> drafts = requests();
        assertThat(drafts).extracting(request -> request.get("controlIds").get(0).asText())
                .containsExactlyInAnyOrderElementsOf(APPLICABLE);
        List<String> ids = drafts.stream().map(request -> request.get("id").asText()).toList();
        call(post("/api/engagements/{id}/evidence-requests/share", engagementId)
                .contentType(MediaType.APPLICATION_JSON).content(json(Map.of("ids", ids))), "lead", status().isOk());
        String collect = taskId("CollectEvidence", "lead");
        JsonNode refusal = call(post("/api/tasks/{id}/complete", collect).contentType(MediaType.APPLICATION_JSON)
                        .content(json(Map.of("evidenceSummary", "Policies", "evidenceComplete", true))), "lead",
                status().isBadRequest());
        assertThat(refusal.get("detail").asText()).isEqualTo("PBC-001, PBC-002 of this audit are still open. Accept "
                + "or cancel them on the evidence request list, or record here why the fieldwork can go ahead without "
                + "them.");
        assertThat(refusal.get("errors").get("openRequestsReason").asText()).startsWith("PBC-001, PBC-002");
        for (String id : ids) {
            mvc.perform(multipart("/api/evidence-requests/{id}/files", id)
                            .file(new MockMultipartFile("file", "review.txt", "text/plain",
                                    "Quarterly access review, signed.".getBytes(StandardCharsets.UTF_8)))
                            .with(httpBasic("acme", "acme")))
                    .andExpect(status().isCreated());
            call(post("/api/evidence-requests/{id}/submit", id).contentType(MediaType.APPLICATION_JSON)
                    .content(json(Map.of("clientNote", "Attached"))), "acme", status().isNoContent());
            call(post("/api/evidence-requests/{id}/review", id).contentType(MediaType.APPLICATION_JSON)
                    .content(json(Map.of("decision", "accept", "reason", "Complete"))), "lead", status().isNoContent());
        }
        assertThat(requests()).extracting(request -> request.get("status").asText()).containsOnly("ACCEPTED");
        complete("CollectEvidence", "lead", Map.of("evidenceSummary", "Access reviews and logs",
                "evidenceComplete", true));
        today(LocalDate.of(2026, 2, 18));
        fieldworkToSignOff(LocalDate.of(2026, 2, 16), LocalDate.of(2026, 2, 17),
                "MINOR 9.3: management review minutes incomplete", "SignOffAudit", "recommend");
        complete("RespondToNonconformity", "acme", Map.of("correction", "Minutes completed",
                "rootCause", "No template", "correctiveActionPlan", "Template introduced"));
        complete("ReviewResponse", "lead", Map.of("reviewOutcome", "accept"));

        // decision: certificate until 2029-03-01, first surveillance due 2027-03-02
        today(LocalDate.of(2026, 3, 2));
        complete("CertificationDecision", "reviewer", Map.of("decision", "grant",
                "decisionReason", "Report reviewed", "soaVersion", "SoA v1", "signerName", "Rita Reviewer"));
        certification("ACTIVE", "2029-03-01", 1);

        // surveillance 1: planning opens 3 months ahead of its due date
        today(LocalDate.of(2026, 12, 1));
        assertThat(runDueJobs()).isZero();
        today(LocalDate.of(2026, 12, 2));
        assertThat(runDueJobs()).isOne();
        today(LocalDate.of(2027, 1, 13));
        surveillance(LocalDate.of(2027, 1, 11), LocalDate.of(2027, 1, 12));

        // events at any time: a suspension and its restoration
        call(post("/api/engagements/{id}/events/suspend", engagementId).contentType(MediaType.APPLICATION_JSON)
                .content(json(Map.of("reason", "Client did not pay"))), "manager", status().isOk());
        certification("SUSPENDED", "2029-03-01", 1);
        call(post("/api/engagements/{id}/events/restore", engagementId).contentType(MediaType.APPLICATION_JSON)
                .content(json(Map.of("reason", "Paid"))), "manager", status().isOk());
        certification("ACTIVE", "2029-03-01", 1);

        // surveillance 2: due 12 months after the first (2028-01-12), planning from 2027-10-12
        today(LocalDate.of(2027, 10, 12));
        assertThat(runDueJobs()).isOne();
        today(LocalDate.of(2027, 11, 10));
        surveillance(LocalDate.of(2027, 11, 8), LocalDate.of(2027, 11, 9));

        // recertification: planning 6 months before expiry; renewed on time, the next cycle continues from expiry
        today(LocalDate.of(2028, 9, 1));
        assertThat(runDueJobs()).isOne();
        complete("ReviewChanges", "manager", Map.of("significantChange", "no", "changeSummary", "No changes"));
        today(LocalDate.of(2028, 11, 8));
        audit(LocalDate.of(2028, 11, 6), LocalDate.of(2028, 11, 7), "", "SignOffAudit", "recommend");
        today(LocalDate.of(2028, 11, 20));
        complete("RecertificationDecision", "reviewer", Map.of("decision", "renew",
                "decisionReason", "Recertification report reviewed", "soaVersion", "SoA v1"));
        certification("ACTIVE", "2032-03-01", 2);

        // the next cycle's first surveillance: due 2030-03-02, its planning opens on 2029-12-02
        today(LocalDate.of(2029, 12, 2));
        assertThat(runDueJobs()).isOne();
        assertThat(taskId("PlanAudit", "lead")).isNotBlank();
        call(get("/api/engagements/{id}/timeline", engagementId), "acme", status().isOk());
        JsonNode milestones = call(get("/api/engagements/{id}/certification", engagementId), "manager",
                status().isOk()).get("milestones");
        Map<String, JsonNode> byKey = new LinkedHashMap<>();
        milestones.forEach(milestone -> byKey.put(milestone.get("key").asText(), milestone));
        assertThat(byKey.get("CERTIFICATION_DECISION").get("actual").asText()).isEqualTo("2026-03-02");
        assertThat(byKey.get("FIRST_SURVEILLANCE").get("actual").asText()).isEqualTo("2027-01-12");
        assertThat(byKey.get("SECOND_SURVEILLANCE").get("due").asText()).isEqualTo("2028-01-12");
        assertThat(byKey.get("RECERTIFICATION_DECISION").get("actual").asText()).isEqualTo("2028-11-20");
        assertThat(byKey.get("C2.CERTIFICATE_EXPIRY").get("due").asText()).isEqualTo("2032-03-01");
        assertThat(byKey.get("C2.FIRST_SURVEILLANCE").get("due").asText()).isEqualTo("2030-03-02");
        assertThat(byKey.get("C2.FIRST_SURVEILLANCE").get("label").asText())
                .isEqualTo("First surveillance audit (cycle 2)");
    }

    private void surveillance(LocalDate firstDay, LocalDate lastDay) throws Exception {
        audit(firstDay, lastDay, "OFI A.8.16: alert thresholds could be tuned", "SignOffAudit", "recommend");
        complete("MaintainCertification", "reviewer", Map.of("decision", "maintain",
                "decisionReason", "Surveillance report reviewed"));
    }

    /** One audit by the lead auditor; the evidence step holds nothing open. */
    private void audit(LocalDate firstDay, LocalDate lastDay, String findings, String signOffTask,
                       String recommendation) throws Exception {
        complete("PlanAudit", "lead", Map.of("plannedStart", firstDay.toString(), "plannedEnd", lastDay.toString(),
                "auditPlan", "Audit plan"));
        complete("CollectEvidence", "lead", Map.of("evidenceSummary", "Records sampled", "evidenceComplete", true));
        fieldworkToSignOff(firstDay, lastDay, findings, signOffTask, recommendation);
    }

    private void fieldworkToSignOff(LocalDate firstDay, LocalDate lastDay, String findings, String signOffTask,
                                    String recommendation) throws Exception {
        complete("ConductFieldwork", "lead", Map.of("actualStart", firstDay.toString(),
                "actualEnd", lastDay.toString()));
        complete("RecordFindings", "lead", Map.of("findings", findings));
        complete("WriteReport", "lead", Map.of("report", "Audit report"));
        complete(signOffTask, "lead", Map.of("recommendation", recommendation, "signOff", true,
                "signerName", "Leo Lead"));
    }

    private void approveSoa() throws Exception {
        List<Map<String, Object>> decisions = new ArrayList<>();
        call(get("/api/catalog/iso27001/controls"), "acme", status().isOk()).forEach(control -> {
            String id = control.get("id").asText();
            decisions.add(APPLICABLE.contains(id)
                    ? Map.of("controlId", id, "applicable", true, "implementationStatus", "IMPLEMENTED")
                    : Map.of("controlId", id, "applicable", false, "justification", "Outside the scope."));
        });
        call(put("/api/engagements/{id}/soa/draft", engagementId).contentType(MediaType.APPLICATION_JSON)
                .content(json(decisions)), "acme", status().isOk());
        call(post("/api/engagements/{id}/soa/submit", engagementId), "acme", status().isOk());
        call(post("/api/engagements/{id}/soa/approve", engagementId), "lead", status().isOk());
    }

    private void certification(String status, String expiry, int cycle) throws Exception {
        mvc.perform(get("/api/engagements/{id}/certification", engagementId).with(httpBasic("acme", "acme")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.certificateStatus").value(status))
                .andExpect(jsonPath("$.certificate.expiryDate").value(expiry))
                .andExpect(jsonPath("$.certificate.number").value("ISMS-%s-%d".formatted(reference, cycle)));
    }

    private List<JsonNode> requests() throws Exception {
        List<JsonNode> items = new ArrayList<>();
        call(get("/api/engagements/{id}/evidence-requests", engagementId).param("size", "100"), "lead",
                status().isOk()).get("items").forEach(items::add);
        return items;
    }

    private String organisation(String name) throws Exception {
        JsonNode all = call(get("/api/organisations"), "manager", status().isOk());
        for (JsonNode organisation : all.has("items") ? all.get("items") : all) {
            if (name.equals(organisation.get("name").asText())) {
                return organisation.get("id").asText();
            }
        }
        throw new AssertionError("no organisation " + name);
    }

    /** The one open task with this key of the engagement in the person's task list. */
    private String taskId(String key, String user) throws Exception {
        JsonNode items = call(get("/api/tasks").param("engagementId", engagementId).param("taskKey", key), user,
                status().isOk()).get("items");
        assertThat(items).as("open %s tasks of %s", key, user).hasSize(1);
        return items.get(0).get("id").asText();
    }

    private void complete(String key, String user, Map<String, Object> form) throws Exception {
        call(post("/api/tasks/{id}/complete", taskId(key, user)).contentType(MediaType.APPLICATION_JSON)
                .content(json(form)), user, status().isNoContent());
    }

    private JsonNode call(MockHttpServletRequestBuilder request, String user, ResultMatcher expected) throws Exception {
        String body = mvc.perform(request.with(httpBasic(user, user))).andExpect(expected)
                .andReturn().getResponse().getContentAsString();
        return body.isEmpty() ? json.nullNode() : json.readTree(body);
    }

    private String json(Object value) throws Exception {
        return json.writeValueAsString(value);
    }

    /** What the job executor does in production: runs the engagement's jobs that are due now, earliest first. */
    private int runDueJobs() {
        int ran = 0;
        List<Job> due;
        while (!(due = dueJobs()).isEmpty()) {
            managementService.executeJob(due.get(0).getId());
            ran++;
        }
        return ran;
    }

    private List<Job> dueJobs() {
        return managementService.createJobQuery().duedateLowerThan(new Date(ClockUtil.getCurrentTime().getTime() + 1))
                .orderByJobDuedate().asc().list().stream()
                .filter(job -> reference.equals(runtimeService.createProcessInstanceQuery()
                        .processInstanceId(job.getProcessInstanceId()).singleResult().getBusinessKey()))
                .toList();
    }
}
