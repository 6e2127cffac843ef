package org.auditmanager.accessreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.auditmanager.AccessTestContext;
import org.auditmanager.DemoUsers;
import org.auditmanager.MutableClock;
import org.auditmanager.accessreview.DemoAccessMatrix.DemoEngagement;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.engagement.Engagements;
import org.auditmanager.security.CamundaGroups;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** External auditors: one engagement, an access window, revocation that takes effect on the next request. */
@AccessTestContext
class ExternalAuditorAccessTest {

    private static final String PASSWORD = "a-long-first-password";

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired Engagements engagements;
    @Autowired MutableClock clock;
    @Autowired AuthorizationService authorizationService;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private Engagement engagement(DemoEngagement demo) {
        return demo.in(engagements, users.get("manager"));
    }

    private void addExternal(String username, DemoEngagement demo, LocalDate from, LocalDate until) throws Exception {
        mvc.perform(post("/api/external-auditors").with(httpBasic("manager", "manager"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"engagementId": "%s", "username": "%s", "displayName": "Ed External",
                                 "email": "ed@external.example", "password": "%s",
                                 "accessFrom": "%s", "accessUntil": "%s"}"""
                                .formatted(engagement(demo).id(), username, PASSWORD, from, until)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.engagements[0]").value(engagement(demo).reference()));
    }

    private String loginPageAfter(MvcResult refused) throws Exception {
        return mvc.perform(get(refused.getResponse().getRedirectedUrl())
                        .session((MockHttpSession) refused.getRequest().getSession()))
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    void aManagerAddsAnExternalAuditorWhoReachesThatEngagementOnlyInTheAppAndTheEngine() throws Exception {
        LocalDate today = LocalDate.now(clock);
        addExternal("ext-works", DemoEngagement.ACME_SOC2, today, today.plusDays(10));

        mvc.perform(get("/api/engagements").with(httpBasic("ext-works", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].reference").value(engagement(DemoEngagement.ACME_SOC2).reference()));
        mvc.perform(formLogin().user("ext-works").password(PASSWORD)).andExpect(authenticated());
        // joining a running engagement grants its process instance in the engine at once
        List<String> groups = List.of(CamundaGroups.STAFF_WEBAPPS);
        assertThat(authorizationService.isUserAuthorized("ext-works", groups, Permissions.READ, Resources.PROCESS_INSTANCE,
                engagement(DemoEngagement.ACME_SOC2).processInstanceId())).isTrue();
        assertThat(authorizationService.isUserAuthorized("ext-works", groups, Permissions.READ, Resources.PROCESS_INSTANCE,
                engagement(DemoEngagement.ACME_ISO).processInstanceId())).isFalse();
    }

    @Test
    void afterItsWindowAnExternalAuditorIsRefusedAtLoginAndOnTheApiWithTheDayItEnded() throws Exception {
        LocalDate today = LocalDate.now(clock);
        LocalDate lastDay = today.plusDays(2);
        addExternal("ext-ended", DemoEngagement.GLOBEX_ISO, today, lastDay);
        clock.advance(Duration.ofDays(3));

        MvcResult refused = mvc.perform(formLogin().user("ext-ended").password(PASSWORD))
                .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error")).andReturn();
        assertThat(loginPageAfter(refused)).contains("Your access to this engagement ended on " + lastDay + ".");
        mvc.perform(get("/api/me").with(httpBasic("ext-ended", PASSWORD)))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith(
                        "Your access to this engagement ended on " + lastDay + ".")));
    }

    @Test
    void aWrongPasswordSaysNothingAboutTheAccountsWindow() throws Exception {
        LocalDate today = LocalDate.now(clock);
        addExternal("ext-quiet", DemoEngagement.GLOBEX_ISO, today, today.plusDays(1));
        clock.advance(Duration.ofDays(5));

        MvcResult refused = mvc.perform(formLogin().user("ext-quiet").password("not-the-password"))
                .andExpect(unauthenticated()).andReturn();
        String page = loginPageAfter(refused);
        assertThat(page).contains("The user name or password is not right").doesNotContain("ended");
        mvc.perform(get("/api/me").with(httpBasic("ext-quiet", "not-the-password")))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("Sign in with HTTP Basic credentials or a personal API token (Authorization: Bearer)."));
    }

    @Test
    void beforeItsWindowAnExternalAuditorIsToldWhenItStarts() throws Exception {
        LocalDate firstDay = LocalDate.now(clock).plusDays(2);
        addExternal("ext-early", DemoEngagement.GLOBEX_ISO, firstDay, firstDay.plusDays(5));

        MvcResult refused = mvc.perform(formLogin().user("ext-early").password(PASSWORD))
                .andExpect(unauthenticated()).andReturn();
        assertThat(loginPageAfter(refused)).contains("Your access to this engagement starts on " + firstDay + ".");
    }

    @Test
    void revokingTakesEffectOnTheNextRequestEndsTheSessionAndTheEngineGrants() throws Exception {
        LocalDate today = LocalDate.now(clock);
        addExternal("ext-revoked", DemoEngagement.ACME_ISO, today, today.plusDays(10));
        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin().user("ext-revoked").password(PASSWORD))
                .andExpect(authenticated()).andReturn().getRequest().getSession();
        mvc.perform(get("/engagements").session(session)).andExpect(status().isOk());
        assertThat(authorizationService.createAuthorizationQuery().userIdIn("ext-revoked").count()).isPositive();

        mvc.perform(post("/api/external-auditors/ext-revoked/revoke").with(httpBasic("manager", "manager")))
                .andExpect(status().isNoContent());

        MvcResult next = mvc.perform(get("/engagements").session(session))
                .andExpect(redirectedUrl("/login?error")).andReturn();
        assertThat(session.isInvalid()).isTrue();
        assertThat(loginPageAfter(next)).contains("Your access to this engagement was withdrawn on " + today + ".");
        mvc.perform(get("/api/engagements").with(httpBasic("ext-revoked", PASSWORD)))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("Your access to this engagement was withdrawn")));
        assertThat(authorizationService.createAuthorizationQuery().userIdIn("ext-revoked").count()).isZero();
    }

    @Test
    void aWindowThatHasAlreadyEndedIsNotAccepted() throws Exception {
        LocalDate yesterday = LocalDate.now(clock).minusDays(1);
        mvc.perform(post("/api/external-auditors").with(httpBasic("manager", "manager"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"engagementId": "%s", "username": "ext-late", "displayName": "Lou Late",
                                 "password": "%s", "accessFrom": "%s", "accessUntil": "%s"}"""
                                .formatted(engagement(DemoEngagement.ACME_ISO).id(), PASSWORD, yesterday.minusDays(3), yesterday)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.accessUntil").isNotEmpty());
    }

    @Test
    void managersAddAndWithdrawExternalAuditorsOnTheirPage() throws Exception {
        LocalDate today = LocalDate.now(clock);
        mvc.perform(post("/external-auditors").with(user(users.get("manager"))).with(csrf())
                        .param("engagementId", engagement(DemoEngagement.GLOBEX_SOC2).id().toString())
                        .param("username", "ext-page").param("displayName", "Pat Page").param("password", PASSWORD)
                        .param("accessFrom", today.toString()).param("accessUntil", today.plusDays(3).toString()))
                .andExpect(redirectedUrl("/external-auditors"));
        String page = mvc.perform(get("/external-auditors").with(user(users.get("manager"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Pat Page").contains("/external-auditors/ext-page/revoke");

        mvc.perform(post("/external-auditors/ext-page/revoke").with(user(users.get("manager"))).with(csrf()))
                .andExpect(redirectedUrl("/external-auditors"));
        mvc.perform(get("/api/me").with(httpBasic("ext-page", PASSWORD))).andExpect(status().isUnauthorized());

        mvc.perform(get("/external-auditors").with(user(users.get("auditor")))).andExpect(status().isForbidden());
        mvc.perform(get("/api/external-auditors").with(httpBasic("auditor", "auditor"))).andExpect(status().isForbidden());
    }
}
