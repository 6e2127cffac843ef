package org.auditmanager.iso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.auditmanager.DemoUsers;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.engagement.Engagements;
import org.auditmanager.organisation.Organisations;
import org.auditmanager.security.NewUser;
import org.auditmanager.security.Role;
import org.auditmanager.security.UserAccounts;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The certification decision's impartiality over the task API and the task page, and the events API. The
 * engagement waits at its certification decision after a Stage 2 whose team included the designated decision
 * maker (Rita Reviewer, as a technical expert).
 */
@SpringBootTest(properties = "app.demo.seed-engagements=false")
@AutoConfigureMockMvc
@ActiveProfiles("demo")
class CertificationApiTest {

    private static final String GRANT = """
            {"decision": "grant", "decisionReason": "Report reviewed", "soaVersion": "SoA v3",
             "signerName": "Rex Reviewer"}""";

    @Autowired MockMvc mvc;
    @Autowired ProcessEngine processEngine;
    @Autowired Engagements engagements;
    @Autowired Organisations organisations;
    @Autowired DemoUsers users;
    @Autowired UserAccounts accounts;
    @Autowired IsoRecords records;
    @Autowired AuditTime auditTime;
    @Autowired JdbcClient jdbc;

    private Engagement engagement;
    private String decisionTask;

    @BeforeEach
    void waitAtTheCertificationDecision() {
        IsoProcessTestSupport support = new IsoProcessTestSupport(processEngine, engagements, organisations, users);
        engagement = support.isoEngagement("reviewer");
        records.saveProgramme(engagement.id(), 120, "London", "Cloud hosting platform", null,
                auditTime.forPersonsInScope(120), Instant.now());
        UUID stage2 = UUID.randomUUID();
        records.insertAudit(stage2, engagement.id(), 1, AuditType.STAGE2, Instant.now());
        records.planAudit(stage2, LocalDate.now().minusDays(3), LocalDate.now().minusDays(2), "Plan",
                List.of("lead", "reviewer"));
        support.startCycleAt(engagement, "CertificationDecision", Map.of(), jdbc);
        decisionTask = support.task(engagement, "CertificationDecision").getId();
        if (!accounts.exists("rex")) {
            accounts.create(new NewUser("rex", "Rex Reviewer", "rex@auditfirm.example", "rex", Set.of(Role.REVIEWER),
                    null));
        }
        // the manager names a second decision maker, impartial to this audit (no page for that yet)
        jdbc.sql("insert into engagement_member (engagement_id, username, team_role) values (:id, 'rex', 'DECISION_MAKER')")
                .param("id", engagement.id()).update();
    }

    @Test
    void theApiRefusesADecisionMakerWhoWasOnTheAuditTeamWith403AndTheReason() throws Exception {
        mvc.perform(post("/api/tasks/{id}/complete", decisionTask).with(httpBasic("reviewer", "reviewer"))
                        .contentType(MediaType.APPLICATION_JSON).content(GRANT))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("Rita Reviewer was on the audit team of this engagement; "
                        + "certification decisions are taken by someone who did not take part in the audit "
                        + "(ISO/IEC 17021-1, 9.5.1.2)."));
        assertThat(processEngine.getTaskService().createTaskQuery().taskId(decisionTask).count()).isOne();
        assertThat(jdbc.sql("select count(*) from task_submission where task_id = :id").param("id", decisionTask)
                .query(Integer.class).single()).isZero();

        mvc.perform(post("/api/tasks/{id}/unclaim", decisionTask).with(httpBasic("reviewer", "reviewer")))
                .andExpect(status().isOk());
        mvc.perform(post("/api/tasks/{id}/complete", decisionTask).with(httpBasic("rex", "rex"))
                        .contentType(MediaType.APPLICATION_JSON).content(GRANT))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/engagements/{id}/certification", engagement.id()).with(httpBasic("acme", "acme")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.certificateStatus").value("ACTIVE"))
                .andExpect(jsonPath("$.certificate.number").value("ISMS-" + engagement.reference() + "-1"))
                .andExpect(jsonPath("$.certificate.expiryDate").value(LocalDate.now().plusYears(3).minusDays(1)
                        .toString()))
                .andExpect(jsonPath("$.auditDays.initial").value(12.0))
                .andExpect(jsonPath("$.milestones[?(@.key == 'CERTIFICATION_DECISION')].actual")
                        .value(LocalDate.now().toString()));
    }

    @Test
    void theTaskPageShowsTheRefusalAtTheFormAndKeepsWhatWasTyped() throws Exception {
        mvc.perform(post("/tasks/{id}/complete", decisionTask).with(user(users.get("reviewer"))).with(csrf())
                        .param("decision", "grant").param("decisionReason", "Typed reason")
                        .param("soaVersion", "SoA v3"))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("Rita Reviewer was on the audit team of this engagement")))
                .andExpect(content().string(containsString("Typed reason")))
                .andExpect(content().string(containsString("name=\"decisionReason\"")));
        assertThat(processEngine.getTaskService().createTaskQuery().taskId(decisionTask).count()).isOne();
    }

    @Test
    void eventsAnswer404400403And409WithTheReasonAndOtherwiseMoveTheCertificate() throws Exception {
        mvc.perform(post("/api/engagements/{id}/events/suspend", engagement.id()).with(httpBasic("manager", "manager"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"Client request\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("The engagement has no certificate yet, so it cannot be suspended."));
        mvc.perform(post("/api/tasks/{id}/unclaim", decisionTask).with(httpBasic("reviewer", "reviewer")));
        mvc.perform(post("/api/tasks/{id}/complete", decisionTask).with(httpBasic("rex", "rex"))
                .contentType(MediaType.APPLICATION_JSON).content(GRANT)).andExpect(status().isNoContent());

        mvc.perform(post("/api/engagements/{id}/events/suspend", engagement.id()).with(httpBasic("globex", "globex"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"x\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/engagements/{id}/events/pause", engagement.id()).with(httpBasic("manager", "manager"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"x\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("Unknown event 'pause'")));
        mvc.perform(post("/api/engagements/{id}/events/suspend", engagement.id()).with(httpBasic("acme", "acme"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"x\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/engagements/{id}/events/suspend", engagement.id()).with(httpBasic("manager", "manager"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \" \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.reason").value("Give the reason for the event."));
        mvc.perform(post("/api/engagements/{id}/events/restore", engagement.id()).with(httpBasic("manager", "manager"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"x\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("The certificate is active; it cannot be restored now."));

        mvc.perform(post("/api/engagements/{id}/events/suspend", engagement.id()).with(httpBasic("manager", "manager"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"Client request\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.certificateStatus").value("SUSPENDED"))
                .andExpect(jsonPath("$.certificate.statusReason").value("Client request"));
        mvc.perform(post("/api/engagements/{id}/events/restore", engagement.id()).with(httpBasic("manager", "manager"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"Issue resolved\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.certificateStatus").value("ACTIVE"));
    }

    @Test
    void theEngagementPageShowsTheAuditDaysAndThenTheGrantedCertificate() throws Exception {
        mvc.perform(get("/engagements/{id}", engagement.id()).with(user(users.get("acme"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Audit days for 120 persons in scope (ISO/IEC 27006)")))
                .andExpect(content().string(containsString("No certificate yet")));

        mvc.perform(post("/api/tasks/{id}/unclaim", decisionTask).with(httpBasic("reviewer", "reviewer")));
        mvc.perform(post("/api/tasks/{id}/complete", decisionTask).with(httpBasic("rex", "rex"))
                .contentType(MediaType.APPLICATION_JSON).content(GRANT)).andExpect(status().isNoContent());

        mvc.perform(get("/engagements/{id}", engagement.id()).with(user(users.get("acme"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("ISMS-" + engagement.reference() + "-1")))
                .andExpect(content().string(containsString("badge certificate-active")))
                .andExpect(content().string(containsString(LocalDate.now().plusYears(3).minusDays(1).toString())));
    }
}
