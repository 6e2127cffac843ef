package org.auditmanager.soc2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.auditmanager.DemoUsers;
import org.auditmanager.organisation.Organisations;
import org.auditmanager.security.NewUser;
import org.auditmanager.security.Role;
import org.auditmanager.security.UserAccounts;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * A Type I and a Type II examination driven to an issued report through the HTTP API alone: every human step is
 * a task completed over /api/tasks, the control matrix goes over /api/engagements/{id}/soc2. Only the passing of
 * time is the engine's: the test moves its clock and runs the due timers, as the job executor would.
 */
@SpringBootTest(properties = "app.demo.seed-engagements=false")
@AutoConfigureMockMvc
@ActiveProfiles("demo")
class Soc2ExaminationApiTest {

    private static final String SECURITY_CRITERIA = """
            ["CC1.1","CC1.2","CC1.3","CC1.4","CC1.5","CC2.1","CC2.2","CC2.3","CC3.1","CC3.2","CC3.3","CC3.4","CC4.1",
             "CC4.2","CC5.1","CC5.2","CC5.3","CC6.1","CC6.2","CC6.3","CC6.4","CC6.5","CC6.6","CC6.7","CC6.8","CC7.1",
             "CC7.2","CC7.3","CC7.4","CC7.5","CC8.1","CC9.1","CC9.2"]""";

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired Organisations organisations;
    @Autowired UserAccounts accounts;
    @Autowired DemoUsers users;
    @Autowired ManagementService managementService;

    @BeforeEach
    void anAuditorWhoIsAlsoAReviewer() {
        if (!accounts.exists("ivy")) {
            accounts.create(new NewUser("ivy", "Ivy Insider", "ivy@auditfirm.example", "ivy",
                    Set.of(Role.AUDITOR, Role.REVIEWER), null));
        }
    }

    @AfterEach
    void resetEngineClock() {
        ClockUtil.reset();
    }

    @Test
    void refusesAnInvalidObservationPeriodWithTheRule() throws Exception {
        mvc.perform(post("/api/engagements").with(httpBasic("manager", "manager"))
                        .contentType(MediaType.APPLICATION_JSON).content(typeII("2031-01-01", "2031-02-15")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("A Type II observation period must cover at least 3 months "
                        + "(2031-01-01 to 2031-02-15 is shorter)."))
                .andExpect(jsonPath("$.errors.periodEnd").exists());
    }

    @Test
    void aTypeIExaminationReachesAnIssuedReportThroughTheApiAndRefusesTheReviewToATeamMember() throws Exception {
        String id = create("""
                {"organisationId": "%s", "framework": "SOC2", "kind": "TYPE_I", "title": "SOC 2 Type I",
                 "scope": "Customer platform", "leadAuditor": "lead", "auditTeam": ["ivy"],
                 "qualityReviewer": "reviewer", "asOfDate": "2031-03-31", "tscCategories": ["Security"]}"""
                .formatted(acme()));
        acceptAndScope(id);
        for (String task : tasks(id, "EvaluateDesign", "lead")) {
            complete(task, "lead", """
                    {"walkthroughDate": "2031-03-30", "walkthroughEvidence": "WT-1", "testResult": "NO_EXCEPTION"}""");
        }
        completeOnly(id, "DecideOpinion", "manager", "{\"opinion\": \"UNMODIFIED\"}");
        report(id);

        String review = tasks(id, "EngagementQualityReview", "reviewer").get(0);
        String passed = "{\"reviewOutcome\": \"approve\", \"reviewNotes\": \"Judgements supported\", "
                + "\"signerName\": \"Rita Reviewer\"}";
        String refusal = "Ivy Insider is on the engagement team of %s and may not perform its engagement quality "
                + "review: the reviewer must not be on the engagement team (SQMS No. 2).";
        String reference = engagement(id).path("reference").asText();
        mvc.perform(post("/api/tasks/{id}/complete", review).with(httpBasic("ivy", "ivy"))
                        .contentType(MediaType.APPLICATION_JSON).content(passed))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(refusal.formatted(reference)));
        mvc.perform(post("/tasks/{id}/complete", review).with(user(users.get("ivy"))).with(csrf())
                        .param("reviewOutcome", "approve").param("reviewNotes", "Judgements supported"))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString(refusal.formatted(reference))))
                .andExpect(content().string(containsString("name=\"reviewNotes\"")));
        complete(review, "reviewer", passed);

        completeOnly(id, "PartnerSignOff", "manager",
                "{\"signOffDecision\": \"sign\", \"signerName\": \"Mia Manager\"}");
        completeOnly(id, "IssueReport", "lead", "{\"reportDate\": \"2031-04-20\", \"reportReference\": \"R-1\"}");

        mvc.perform(get("/api/engagements/{id}", id).with(httpBasic("acme", "acme")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REPORT_ISSUED"))
                .andExpect(jsonPath("$.soc2Report.status").value("ISSUED"))
                .andExpect(jsonPath("$.soc2Report.reportDate").value("2031-04-20"))
                .andExpect(jsonPath("$.soc2Report.due").value("2031-05-30"))
                .andExpect(jsonPath("$.soc2Report.opinion").value("UNMODIFIED"))
                .andExpect(jsonPath("$.soc2Report.milestones[?(@.key == 'REPORT_ISSUED')].actual").value("2031-04-20"));
    }

    @Test
    void aTypeIIExaminationReachesAnIssuedReportThroughTheApi() throws Exception {
        String id = create(typeII("2031-01-01", "2031-06-30"));
        acceptAndScope(id);
        mvc.perform(get("/api/engagements/{id}", id).with(httpBasic("manager", "manager")))
                .andExpect(jsonPath("$.status").value("AWAITING_PERIOD_START"))
                .andExpect(jsonPath("$.soc2Report.status").value("NOT_STARTED"));

        passTime("2031-04-01");
        for (String task : tasks(id, "EvaluateDesign", "lead")) {
            complete(task, "lead", """
                    {"walkthroughDate": "2031-03-30", "walkthroughEvidence": "WT-1", "testResult": "NO_EXCEPTION"}""");
        }
        passTime("2031-07-07");
        for (String task : tasks(id, "ProvideSampleEvidence", "acme")) {
            String firstDay = taskDetail(task, "acme").path("values").path("sampleWindow").asText().substring(0, 10);
            complete(task, "acme", """
                    {"evidenceReference": "EV-%1$s", "shownFrom": "%1$s", "shownTo": "%1$s", "collectedOn": "%1$s"}"""
                    .formatted(firstDay));
        }
        for (String task : tasks(id, "TestOperatingEffectiveness", "lead")) {
            complete(task, "lead", "{\"testResult\": \"NO_EXCEPTION\", \"deviations\": 0}");
        }
        completeOnly(id, "DecideOpinion", "manager", "{\"opinion\": \"UNMODIFIED\"}");
        report(id);
        completeOnly(id, "PartnerSignOff", "manager",
                "{\"signOffDecision\": \"sign\", \"signerName\": \"Mia Manager\"}");
        completeOnly(id, "IssueReport", "lead", "{\"reportDate\": \"2031-08-20\", \"reportReference\": \"R-2\"}");

        JsonNode soc2 = json.readTree(mvc.perform(get("/api/engagements/{id}/soc2", id)
                .with(httpBasic("lead", "lead"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
        assertThat(soc2.path("report").path("status").asText()).isEqualTo("ISSUED");
        assertThat(soc2.path("report").path("due").asText()).isEqualTo("2031-08-29");
        assertThat(soc2.path("controls").get(0).path("sampleSize").asInt()).as("quarterly control").isEqualTo(2);
        assertThat(soc2.path("controls").get(0).path("sampleSeed").isNumber()).isTrue();
        assertThat(soc2.path("controls").get(0).path("samples")).allSatisfy(sample ->
                assertThat(sample.path("freshnessFlag").isMissingNode()).isTrue());
    }

    // ---------------------------------------------------------------- steps over the API

    private void acceptAndScope(String id) throws Exception {
        completeOnly(id, "PlanEngagement", "lead", """
                {"plannedStart": "2030-11-01", "plannedEnd": "2030-11-30", "auditorDays": 8, "decision": "accept",
                 "independenceConfirmed": true}""");
        completeOnly(id, "ConfirmAuditContacts", "acme", """
                {"contactName": "Carl Compliance", "contactEmail": "carl@acme.example", "fieldworkModes": ["remote"],
                 "auditLanguage": "en"}""");
        completeOnly(id, "DeclareIndependence", "lead", "{\"independenceReviewed\": true}");
        completeOnly(id, "ConfirmPreconditions", "acme", """
                {"managementAcceptsResponsibility": true, "assertionWillBeProvided": true,
                 "representationsWillBeProvided": true, "managementSignatory": "Carl Compliance, CISO"}""");
        completeOnly(id, "UploadEngagementLetter", "lead", """
                {"engagementLetterReference": "EL-1", "engagementLetterSignedOn": "2030-11-02",
                 "clientLetterSignatory": "Carl Compliance"}""");
        completeOnly(id, "SignOffEngagementLetter", "manager", "{\"letterDecision\": \"approve\"}");
        completeOnly(id, "DefineScope", "lead", """
                {"tscCategories": ["Security"], "systemBoundaries": "Customer platform on Hyperscale Cloud",
                 "readinessAssessment": "no"}""");
        mvc.perform(put("/api/engagements/{id}/soc2/controls", id).with(httpBasic("acme", "acme"))
                        .contentType(MediaType.APPLICATION_JSON).content("[]"))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/engagements/{id}/soc2/controls", id).with(httpBasic("lead", "lead"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                [{"reference": "Q1", "description": "Quarterly security review",
                                  "frequency": "QUARTERLY", "criteria": %s}]""".formatted(SECURITY_CRITERIA)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.controls[0].reference").value("Q1"));
        completeOnly(id, "DefineControlMatrix", "lead", "{\"matrixComplete\": true}");
    }

    private void report(String id) throws Exception {
        completeOnly(id, "ProvideAssertionAndDescription", "acme", """
                {"assertionSigned": true, "assertionSignatory": "Carl Compliance, CISO",
                 "assertionSignedOn": "2031-04-15", "systemDescriptionReference": "SD-1",
                 "descriptionCriteria": ["DC1", "DC2", "DC3", "DC4", "DC5"],
                 "representationLetterDated": "2031-04-15"}""");
        completeOnly(id, "DraftReport", "lead", "{\"draftReportReference\": \"DR-1\"}");
    }

    private String create(String body) throws Exception {
        return json.readTree(mvc.perform(post("/api/engagements").with(httpBasic("manager", "manager"))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).path("id").asText();
    }

    private String typeII(String start, String end) {
        return """
                {"organisationId": "%s", "framework": "SOC2", "kind": "TYPE_II", "title": "SOC 2 Type II",
                 "scope": "Customer platform", "leadAuditor": "lead", "periodStart": "%s", "periodEnd": "%s",
                 "tscCategories": ["Security"]}""".formatted(acme(), start, end);
    }

    private JsonNode engagement(String id) throws Exception {
        return json.readTree(mvc.perform(get("/api/engagements/{id}", id).with(httpBasic("manager", "manager")))
                .andReturn().getResponse().getContentAsString());
    }

    private void completeOnly(String id, String taskKey, String username, String body) throws Exception {
        List<String> found = tasks(id, taskKey, username);
        assertThat(found).as("open %s tasks", taskKey).hasSize(1);
        complete(found.get(0), username, body);
    }

    private ResultActions complete(String taskId, String username, String body) throws Exception {
        return mvc.perform(post("/api/tasks/{id}/complete", taskId).with(httpBasic(username, username))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isNoContent());
    }

    private List<String> tasks(String id, String taskKey, String username) throws Exception {
        JsonNode page = json.readTree(mvc.perform(get("/api/tasks").param("engagementId", id).param("taskKey", taskKey)
                        .param("size", "100").with(httpBasic(username, username)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }

    private JsonNode taskDetail(String taskId, String username) throws Exception {
        return json.readTree(mvc.perform(get("/api/tasks/{id}", taskId).with(httpBasic(username, username)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    /** The engine's clock moves on and its due timers run, as the job executor would run them. */
    private void passTime(String day) {
        ClockUtil.setCurrentTime(Date.from(LocalDate.parse(day).atStartOfDay(ZoneId.systemDefault()).toInstant()));
        List<Job> due;
        while (!(due = managementService.createJobQuery().executable().timers().list()).isEmpty()) {
            due.forEach(job -> managementService.executeJob(job.getId()));
        }
    }

    private String acme() {
        return organisations.findByName("Acme Cloud Ltd").orElseThrow().id().toString();
    }
}
