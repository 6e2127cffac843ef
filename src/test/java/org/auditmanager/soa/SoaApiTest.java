package org.auditmanager.soa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.auditmanager.engagement.Engagement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("demo")
@RecordApplicationEvents
class SoaApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    SoaFixtures fixtures;
    @Autowired
    StatementsOfApplicability statements;
    @Autowired
    ApplicationEvents events;

    @BeforeEach
    void fixtures() {
        fixtures = new SoaFixtures(context);
    }

    @Test
    void aNewIsoEngagementHasNoVersionYetButEveryControlToDecide() throws Exception {
        Engagement engagement = fixtures.acmeIso();

        mvc.perform(get(soa(engagement.id())).with(httpBasic("acme", "acme")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.engagementReference").value(engagement.reference()))
                .andExpect(jsonPath("$.catalogVersion").value("ISO27001:2022"))
                .andExpect(jsonPath("$.controlCount").value(93))
                .andExpect(jsonPath("$.current").doesNotExist())
                .andExpect(jsonPath("$.allowedActions").value(contains("SAVE_DRAFT")));
    }

    @Test
    void theClientSavesADraftThatNeedsNoDecisionOnEveryControlYet() throws Exception {
        Engagement engagement = fixtures.acmeIso();

        saveDraft(engagement, "acme", List.of(
                Map.of("controlId", "A.5.1", "applicable", true, "implementationStatus", "PARTIAL"),
                Map.of("controlId", "A.7.4", "applicable", false, "justification", "  No premises of our own.  ",
                        "implementationStatus", "IMPLEMENTED")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.current.version").value(1))
                .andExpect(jsonPath("$.current.status").value("DRAFT"))
                .andExpect(jsonPath("$.current.createdBy").value("acme"))
                .andExpect(jsonPath("$.current.decided").value(2))
                .andExpect(jsonPath("$.entries[1].justification").value("No premises of our own."))
                // an excluded control has no implementation status
                .andExpect(jsonPath("$.entries[1].implementationStatus").doesNotExist())
                .andExpect(jsonPath("$.allowedActions").value(contains("SAVE_DRAFT", "SUBMIT")));
    }

    @Test
    void submitsAndApprovesAndGivesTheApplicableControlsOfTheApprovedVersion() throws Exception {
        Engagement engagement = fixtures.acmeIso();
        saveDraft(engagement, "acme", fixtures.completeDecisions()).andExpect(status().isOk());

        mvc.perform(post(soa(engagement.id()) + "/submit").with(httpBasic("acme", "acme")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.current.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.allowedActions", hasSize(0)));
        assertThat(statements.approvedApplicableControls(engagement.id())).isEmpty();

        mvc.perform(post(soa(engagement.id()) + "/approve").with(httpBasic("lead", "lead")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.current.status").value("APPROVED"))
                .andExpect(jsonPath("$.current.approvedBy").value("lead"))
                .andExpect(jsonPath("$.approvedVersion").value(1));

        List<String> applicable = statements.approvedApplicableControls(engagement.id()).orElseThrow();
        assertThat(applicable).hasSize(93 - 14).startsWith("A.5.1").doesNotContain("A.7.1").endsWith("A.8.34");
        assertThat(events.stream(SoaApproved.class))
                .containsExactly(new SoaApproved(engagement.id(), statements.view(engagement.id(),
                        fixtures.principal("lead")).current().id(), 1, "lead"));
    }

    @Test
    void aChangeToAnApprovedStatementIsANewVersionFromIt() throws Exception {
        Engagement engagement = approvedStatement();

        mvc.perform(post(soa(engagement.id()) + "/revisions").with(httpBasic("acme", "acme")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.current.version").value(2))
                .andExpect(jsonPath("$.current.status").value("DRAFT"))
                .andExpect(jsonPath("$.current.basedOn").value(1))
                .andExpect(jsonPath("$.current.decided").value(93))
                .andExpect(jsonPath("$.approvedVersion").value(1));
        saveDraft(engagement, "acme", List.of(Map.of("controlId", "A.7.1", "applicable", true,
                "implementationStatus", "PLANNED"))).andExpect(status().isOk());

        // version 1 stays in force until version 2 is approved
        assertThat(statements.approvedApplicableControls(engagement.id()).orElseThrow()).hasSize(79);
    }

    @Nested
    class Refusals {

        @Test
        void anExclusionWithoutJustificationIsAFieldError() throws Exception {
            Engagement engagement = fixtures.acmeIso();

            saveDraft(engagement, "acme", List.of(
                    Map.of("controlId", "A.5.1", "applicable", true, "implementationStatus", "IMPLEMENTED"),
                    Map.of("controlId", "A.7.4", "applicable", false, "justification", " ")))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors['[1].justification']").value(containsString("excluding A.7.4")))
                    .andExpect(jsonPath("$.detail").value(containsString("6.1.3 d")));
            mvc.perform(get(soa(engagement.id())).with(httpBasic("acme", "acme")))
                    .andExpect(jsonPath("$.current").doesNotExist());
        }

        @Test
        void unknownDuplicateOrUndecidedEntriesAreFieldErrors() throws Exception {
            Engagement engagement = fixtures.acmeIso();

            saveDraft(engagement, "lead", List.of(
                    Map.of("controlId", "A.5.38", "applicable", true, "implementationStatus", "IMPLEMENTED"),
                    Map.of("controlId", "A.5.2", "applicable", true, "implementationStatus", "IMPLEMENTED"),
                    Map.of("controlId", "A.5.2", "applicable", true),
                    Map.of("controlId", "A.5.3")))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors['[0].controlId']").value(containsString("not an Annex A control")))
                    .andExpect(jsonPath("$.errors['[2].controlId']").value(containsString("more than once")))
                    .andExpect(jsonPath("$.errors['[2].implementationStatus']").exists())
                    .andExpect(jsonPath("$.errors['[3].applicable']").exists());
        }

        @Test
        void anUnknownImplementationStatusIsABadRequest() throws Exception {
            Engagement engagement = fixtures.acmeIso();

            mvc.perform(put(soa(engagement.id()) + "/draft").with(httpBasic("acme", "acme"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("[{\"controlId\":\"A.5.1\",\"applicable\":true,\"implementationStatus\":\"DONE\"}]"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.detail").value(containsString("implementationStatus")));
        }

        @Test
        void submissionNeedsADecisionOnEveryControl() throws Exception {
            Engagement engagement = fixtures.acmeIso();
            saveDraft(engagement, "acme", fixtures.completeDecisions().subList(0, 90)).andExpect(status().isOk());

            mvc.perform(post(soa(engagement.id()) + "/submit").with(httpBasic("acme", "acme")))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.detail").value(containsString("3 have none: A.8.32, A.8.33, A.8.34")));
        }

        @Test
        void aClientMayNotApproveItsOwnStatement() throws Exception {
            Engagement engagement = submittedStatement();

            mvc.perform(post(soa(engagement.id()) + "/approve").with(httpBasic("acme", "acme")))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.detail").value(containsString("does not approve its own")));
        }

        @Test
        void onlyTheLeadAuditorOrAManagerApproves() throws Exception {
            Engagement engagement = submittedStatement();

            // the decision maker sees the engagement but is not its approver
            mvc.perform(post(soa(engagement.id()) + "/approve").with(httpBasic("reviewer", "reviewer")))
                    .andExpect(status().isForbidden());
            mvc.perform(post(soa(engagement.id()) + "/approve").with(httpBasic("manager", "manager")))
                    .andExpect(status().isOk());
        }

        @Test
        void anApprovedVersionCannotBeEdited() throws Exception {
            Engagement engagement = approvedStatement();

            saveDraft(engagement, "acme", fixtures.completeDecisions())
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.detail").value(containsString("approved and never changes")));
            mvc.perform(post(soa(engagement.id()) + "/submit").with(httpBasic("acme", "acme")))
                    .andExpect(status().isConflict());
        }

        @Test
        void aSubmittedVersionWaitsForTheApproverWhoMaySendItBack() throws Exception {
            Engagement engagement = submittedStatement();

            saveDraft(engagement, "acme", fixtures.completeDecisions()).andExpect(status().isConflict());
            mvc.perform(post(soa(engagement.id()) + "/send-back").with(httpBasic("acme", "acme")))
                    .andExpect(status().isForbidden());
            mvc.perform(post(soa(engagement.id()) + "/send-back").with(httpBasic("lead", "lead")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.current.status").value("DRAFT"))
                    .andExpect(jsonPath("$.current.submittedBy").doesNotExist());
            saveDraft(engagement, "acme", fixtures.completeDecisions()).andExpect(status().isOk());
        }

        @Test
        void theDecisionMakerReadsButDoesNotEdit() throws Exception {
            Engagement engagement = fixtures.acmeIso();

            mvc.perform(get(soa(engagement.id())).with(httpBasic("reviewer", "reviewer")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.allowedActions", hasSize(0)));
            saveDraft(engagement, "reviewer", fixtures.completeDecisions()).andExpect(status().isForbidden());
        }

        @Test
        void anotherOrganisationGets404() throws Exception {
            Engagement engagement = fixtures.acmeIso();

            mvc.perform(get(soa(engagement.id())).with(httpBasic("globex", "globex")))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
            saveDraft(engagement, "globex", fixtures.completeDecisions()).andExpect(status().isNotFound());
            mvc.perform(post(soa(engagement.id()) + "/submit").with(httpBasic("globex", "globex")))
                    .andExpect(status().isNotFound());
        }

        @Test
        void anAuditorOffTheTeamGets404() throws Exception {
            Engagement engagement = fixtures.acmeIso();

            mvc.perform(get(soa(engagement.id())).with(httpBasic("auditor", "auditor")))
                    .andExpect(status().isNotFound());
        }

        @Test
        void aSoc2EngagementHasNoStatementOfApplicability() throws Exception {
            Engagement engagement = fixtures.acmeSoc2();

            mvc.perform(get(soa(engagement.id())).with(httpBasic("acme", "acme")))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.detail").value(containsString("is a SOC 2 examination")));
            saveDraft(engagement, "acme", fixtures.completeDecisions()).andExpect(status().isConflict());
        }

        @Test
        void anonymousCallersAreRefused() throws Exception {
            Engagement engagement = fixtures.acmeIso();

            mvc.perform(get(soa(engagement.id()))).andExpect(status().isUnauthorized());
        }
    }

    private Engagement submittedStatement() throws Exception {
        Engagement engagement = fixtures.acmeIso();
        saveDraft(engagement, "acme", fixtures.completeDecisions()).andExpect(status().isOk());
        mvc.perform(post(soa(engagement.id()) + "/submit").with(httpBasic("acme", "acme"))).andExpect(status().isOk());
        return engagement;
    }

    private Engagement approvedStatement() throws Exception {
        Engagement engagement = submittedStatement();
        mvc.perform(post(soa(engagement.id()) + "/approve").with(httpBasic("lead", "lead"))).andExpect(status().isOk());
        return engagement;
    }

    private ResultActions saveDraft(Engagement engagement, String user, List<Map<String, Object>> entries)
            throws Exception {
        return mvc.perform(put(soa(engagement.id()) + "/draft").with(httpBasic(user, user))
                .contentType(MediaType.APPLICATION_JSON).content(fixtures.toJson(entries)));
    }

    private static String soa(UUID engagementId) {
        return "/api/engagements/" + engagementId + "/soa";
    }
}
