package org.auditmanager.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.auditmanager.DemoUsers;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.engagement.Engagements;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What the answers hold for anonymous callers, each demo role and the tenancy rule (problem details, lists,
 * sign-in); which caller may reach which endpoint at all is EndpointAccessMatrixTest's table.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("demo")
class PageAndApiAccessTest {

    @Autowired MockMvc mvc;
    @Autowired Engagements engagements;
    @Autowired DemoUsers users;

    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    /** Other tests in this shared context create engagements too: expect what the table holds. */
    private int count(String sql) {
        return jdbc.sql(sql).query(Integer.class).single();
    }

    private Engagement globexEngagement() {
        return engagements.visibleTo(users.get("globex"), 0, 10).get(0);
    }

    @Nested
    class Anonymous {

        @ParameterizedTest
        @ValueSource(strings = {"/api/me", "/api/engagements", "/api/organisations", "/api/tasks"})
        void getsProblem401FromTheApi(String path) throws Exception {
            mvc.perform(get(path))
                    .andExpect(status().isUnauthorized())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.detail").isNotEmpty());
        }

        @Test
        void seesTheLoginPage() throws Exception {
            mvc.perform(get("/login")).andExpect(status().isOk())
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"_csrf\"")));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin", "manager", "lead", "auditor", "reviewer", "acme", "globex"})
    void everyDemoUserSignsInWithTheirNameAsPassword(String username) throws Exception {
        mvc.perform(formLogin().user(username).password(username))
                .andExpect(authenticated().withUsername(username))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void aWrongPasswordDoesNotSignIn() throws Exception {
        mvc.perform(formLogin().user("acme").password("globex"))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error"));
    }

    @Nested
    class Tenancy {

        @Test
        void acmeGets404ForAGlobexEngagementOverTheApi() throws Exception {
            mvc.perform(get("/api/engagements/{id}", globexEngagement().id()).with(httpBasic("acme", "acme")))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }

        @Test
        void acmeListsOnlyItsOwnEngagementsAndOrganisation() throws Exception {
            mvc.perform(get("/api/engagements").with(httpBasic("acme", "acme")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.total").value(count("select count(*) from engagement e join organisation o"
                            + " on o.id = e.organisation_id where o.name = 'Acme Cloud Ltd'")))
                    .andExpect(jsonPath("$.items[*].organisationName").value(
                            org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is("Acme Cloud Ltd"))));
            mvc.perform(get("/api/organisations").with(httpBasic("acme", "acme")))
                    .andExpect(jsonPath("$.total").value(1))
                    .andExpect(jsonPath("$.items[0].name").value("Acme Cloud Ltd"));
        }

        @Test
        void anAuditorSeesOnlyEngagementsTheyAreOnTheTeamOf() throws Exception {
            // lead works on Acme engagements only: exactly those with lead on the team
            mvc.perform(get("/api/engagements").with(httpBasic("lead", "lead")))
                    .andExpect(jsonPath("$.total").value(count(
                            "select count(distinct engagement_id) from engagement_member where username = 'lead'")));
            mvc.perform(get("/api/engagements/{id}", globexEngagement().id()).with(httpBasic("lead", "lead")))
                    .andExpect(status().isNotFound());
        }

        @Test
        void aManagerSeesEveryEngagement() throws Exception {
            mvc.perform(get("/api/engagements").with(httpBasic("manager", "manager")))
                    .andExpect(jsonPath("$.total").value(count("select count(*) from engagement")));
        }
    }

    @Nested
    class Roles {

        @ParameterizedTest
        @ValueSource(strings = {"lead", "auditor", "reviewer", "acme"})
        void onlyManagersAndAdminsCreateEngagements(String username) throws Exception {
            mvc.perform(post("/api/engagements").with(httpBasic(username, username))
                            .contentType(MediaType.APPLICATION_JSON).content("{}"))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.detail").isNotEmpty());
        }

        @Test
        void theHomePageOffersEngagementCreationToManagersOnly() throws Exception {
            String managerHome = mvc.perform(get("/").with(user(users.get("manager"))))
                    .andReturn().getResponse().getContentAsString();
            String clientHome = mvc.perform(get("/").with(user(users.get("acme"))))
                    .andReturn().getResponse().getContentAsString();
            assertThat(managerHome).contains("/engagements/new").contains("Globex Corp");
            assertThat(clientHome).doesNotContain("/engagements/new").doesNotContain("Globex");
        }
    }

    @Test
    void aPagePostWithoutCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/engagements").with(user(users.get("manager"))).param("title", "x"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/engagements").with(user(users.get("manager"))).with(csrf()).param("title", ""))
                .andExpect(status().isBadRequest());
    }
}
