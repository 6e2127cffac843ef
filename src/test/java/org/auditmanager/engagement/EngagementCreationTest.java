package org.auditmanager.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.auditmanager.DemoUsers;
import org.auditmanager.organisation.Organisations;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("demo")
class EngagementCreationTest {

    static final AtomicBoolean FAIL_AFTER_INSERT = new AtomicBoolean();

    /** When armed, fails inside the creating transaction, after the row and the process instance were written. */
    @TestConfiguration
    static class FailAfterInsert {
        @EventListener
        void onCreated(EngagementCreated event) {
            if (FAIL_AFTER_INSERT.get()) {
                throw new IllegalStateException("forced failure after " + event.reference());
            }
        }
    }

    @Autowired MockMvc mvc;
    @Autowired Engagements engagements;
    @Autowired Organisations organisations;
    @Autowired RuntimeService runtimeService;
    @Autowired JdbcClient jdbc;
    @Autowired DemoUsers users;

    private String acmeId() {
        return organisations.findByName("Acme Cloud Ltd").orElseThrow().id().toString();
    }

    @Nested
    class Atomicity {

        @org.junit.jupiter.api.AfterEach
        void disarm() {
            FAIL_AFTER_INSERT.set(false);
        }

        @Test
        void aFailureAfterTheInsertLeavesNeitherRowNorProcessInstance() {
            FAIL_AFTER_INSERT.set(true);
            int rowsBefore = jdbc.sql("select count(*) from engagement").query(Integer.class).single();
            long instancesBefore = runtimeService.createProcessInstanceQuery().count();
            int trailBefore = jdbc.sql("select count(*) from audit_trail").query(Integer.class).single();
            String nextReference = "ENG-%d-%04d".formatted(java.time.LocalDate.now().getYear(), rowsBefore + 1);

            assertThatThrownBy(() -> engagements.create(new NewEngagement(
                    organisations.findByName("Acme Cloud Ltd").orElseThrow().id(), Framework.ISO27001,
                    EngagementKind.CERTIFICATION_CYCLE, "Never stored", "scope", "lead", List.of(), null, null, null,
                    null, null, null), users.get("manager")))
                    .hasMessageContaining("forced failure");

            assertThat(jdbc.sql("select count(*) from engagement").query(Integer.class).single()).isEqualTo(rowsBefore);
            assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instancesBefore);
            assertThat(jdbc.sql("select count(*) from audit_trail").query(Integer.class).single()).isEqualTo(trailBefore);
            assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(nextReference).count())
                    .isZero();
        }
    }

    @Test
    void createsAnIsoCycleOverTheApiAndStartsItsProcess() throws Exception {
        String body = """
                {"organisationId": "%s", "framework": "ISO27001", "kind": "CERTIFICATION_CYCLE",
                 "title": "Initial certification", "scope": "All of Acme", "leadAuditor": "lead",
                 "auditTeam": ["auditor"], "decisionMaker": "reviewer"}""".formatted(acmeId());
        String reference = com.jayway.jsonpath.JsonPath.read(mvc.perform(post("/api/engagements")
                                .with(httpBasic("manager", "manager"))
                                .contentType(MediaType.APPLICATION_JSON).content(body))
                        .andExpect(status().isCreated())
                        .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/engagements/")))
                        .andExpect(jsonPath("$.id").isNotEmpty())
                        .andExpect(jsonPath("$.reference").value(org.hamcrest.Matchers.matchesPattern("ENG-\\d{4}-\\d{4}")))
                        .andExpect(jsonPath("$.status").value("PLANNING"))
                        .andExpect(jsonPath("$.team.length()").value(3))
                        .andReturn().getResponse().getContentAsString(), "$.reference");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .processDefinitionKey("iso27001-certification-cycle").count()).isOne();
    }

    @Nested
    class Refusals {

        @Test
        void aDecisionMakerOnTheAuditTeamIsRefusedWithTheRule() throws Exception {
            String body = """
                    {"organisationId": "%s", "framework": "ISO27001", "kind": "CERTIFICATION_CYCLE",
                     "title": "t", "scope": "s", "leadAuditor": "lead", "auditTeam": ["auditor"],
                     "decisionMaker": "lead"}""".formatted(acmeId());
            mvc.perform(post("/api/engagements").with(httpBasic("manager", "manager"))
                            .contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors.decisionMaker").value(org.hamcrest.Matchers.containsString("17021-1")));
        }

        @Test
        void aType2PeriodOfTwoMonthsIsRefusedAndThreeMonthsAccepted() throws Exception {
            String template = """
                    {"organisationId": "%s", "framework": "SOC2", "kind": "TYPE_II", "title": "t", "scope": "s",
                     "leadAuditor": "lead", "periodStart": "2026-01-01", "periodEnd": "%s"}""";
            mvc.perform(post("/api/engagements").with(httpBasic("manager", "manager"))
                            .contentType(MediaType.APPLICATION_JSON).content(template.formatted(acmeId(), "2026-02-28")))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("at least 3 months")));
            mvc.perform(post("/api/engagements").with(httpBasic("manager", "manager"))
                            .contentType(MediaType.APPLICATION_JSON).content(template.formatted(acmeId(), "2026-03-31")))
                    .andExpect(status().isCreated());
        }

        @Test
        void aKindOfAnotherFrameworkAndAnUnknownEnumAreRefused() throws Exception {
            mvc.perform(post("/api/engagements").with(httpBasic("manager", "manager"))
                            .contentType(MediaType.APPLICATION_JSON).content("""
                                    {"organisationId": "%s", "framework": "ISO27001", "kind": "TYPE_I", "title": "t",
                                     "scope": "s", "leadAuditor": "lead"}""".formatted(acmeId())))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors.kind").isNotEmpty());
            mvc.perform(post("/api/engagements").with(httpBasic("manager", "manager"))
                            .contentType(MediaType.APPLICATION_JSON).content("""
                                    {"organisationId": "%s", "framework": "PCI", "kind": "TYPE_I"}""".formatted(acmeId())))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("framework")));
        }

        @Test
        void missingFieldsAreNamed() throws Exception {
            mvc.perform(post("/api/engagements").with(httpBasic("manager", "manager"))
                            .contentType(MediaType.APPLICATION_JSON).content("{}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors.organisationId").value("Choose the organisation to audit."))
                    .andExpect(jsonPath("$.errors.title").value("Give the engagement a title."));
        }
    }
}
