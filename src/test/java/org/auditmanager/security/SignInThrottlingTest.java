package org.auditmanager.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.auditmanager.AccessTestContext;
import org.auditmanager.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Five failed sign-ins for one name within 15 minutes pause sign-in for that name for 15 minutes, by form and
 * by HTTP Basic; what anyone is told is the same whether an account has that name or not.
 */
@AccessTestContext
class SignInThrottlingTest {

    private static final Pattern LOGIN_ERROR = Pattern.compile("<div class=\"flash error\" role=\"alert\"[^>]*>([^<]*)</div>");

    @Autowired MockMvc mvc;
    @Autowired UserAccounts accounts;
    @Autowired MutableClock clock;
    @Autowired ObjectMapper json;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private String account(String username) {
        if (!accounts.exists(username)) {
            accounts.create(new NewUser(username, "Tess Throttle", null, password(username), Set.of(Role.AUDITOR), null));
        }
        return username;
    }

    private static String password(String username) {
        return username + "-secret";
    }

    /** Signs in by form and answers what the login page then says. */
    private String signInAndRead(String username, String password) throws Exception {
        MvcResult result = mvc.perform(formLogin().user(username).password(password)).andExpect(unauthenticated()).andReturn();
        String page = mvc.perform(get(result.getResponse().getRedirectedUrl())
                .session((MockHttpSession) result.getRequest().getSession())).andReturn().getResponse().getContentAsString();
        Matcher error = LOGIN_ERROR.matcher(page);
        assertThat(error.find()).as("an error on the login page").isTrue();
        return error.group(1).strip();
    }

    private void fail(String username, int times) throws Exception {
        for (int i = 0; i < times; i++) {
            mvc.perform(formLogin().user(username).password("wrong-password")).andExpect(unauthenticated());
        }
    }

    private MockHttpServletResponse basic(String username, String password) throws Exception {
        return mvc.perform(get("/api/me").with(httpBasic(username, password))).andReturn().getResponse();
    }

    @Test
    void aWrongPasswordAndAnUnknownNameGetTheSameAnswer() throws Exception {
        String known = account("thr-same");
        assertThat(signInAndRead(known, "wrong-password")).isEqualTo(signInAndRead("thr-nobody-same", "wrong-password"));
        assertThat(basic(known, "wrong-password").getContentAsString())
                .isEqualTo(basic("thr-nobody-same", "wrong-password").getContentAsString());
    }

    @Test
    void fiveFailuresPauseTheNameEvenForTheRightPasswordAndSayForHowLong() throws Exception {
        String known = account("thr-paused");
        fail(known, 5);

        String message = signInAndRead(known, password(known));
        assertThat(message).isEqualTo("Too many failed sign-in attempts with this user name. "
                + "Sign-in for it is paused; try again in 15 minutes.");
        MockHttpServletResponse api = basic(known, password(known));
        assertThat(api.getStatus()).isEqualTo(429);
        assertThat(api.getContentType()).isEqualTo("application/problem+json");
        assertThat(api.getHeader(HttpHeaders.RETRY_AFTER)).isNotBlank();
        assertThat(json.readTree(api.getContentAsString()).get("detail").asText()).isEqualTo(message);

        // other names are not affected
        String other = account("thr-other");
        mvc.perform(formLogin().user(other).password(password(other))).andExpect(authenticated());
    }

    @Test
    void aNameNoAccountHasIsPausedInExactlyTheSameWay() throws Exception {
        String known = account("thr-paused-too");
        fail(known, 5);
        fail("thr-nobody", 5);

        assertThat(signInAndRead("thr-nobody", "any-password")).isEqualTo(signInAndRead(known, password(known)));
        MockHttpServletResponse unknownApi = basic("thr-nobody", "any-password");
        MockHttpServletResponse knownApi = basic(known, password(known));
        assertThat(unknownApi.getStatus()).isEqualTo(knownApi.getStatus()).isEqualTo(429);
        assertThat(unknownApi.getContentAsString()).isEqualTo(knownApi.getContentAsString());
    }

    @Test
    void thePauseEndsAfterFifteenMinutes() throws Exception {
        String known = account("thr-waits");
        fail(known, 5);
        mvc.perform(formLogin().user(known).password(password(known))).andExpect(unauthenticated());

        clock.advance(Duration.ofMinutes(16));
        mvc.perform(formLogin().user(known).password(password(known))).andExpect(authenticated());
    }

    @Test
    void failuresOlderThanTheWindowDoNotCount() throws Exception {
        String known = account("thr-slow");
        fail(known, 4);
        clock.advance(Duration.ofMinutes(16));
        fail(known, 1);
        mvc.perform(formLogin().user(known).password(password(known))).andExpect(authenticated());
    }

    @Test
    void aSuccessfulSignInClearsEarlierFailures() throws Exception {
        String known = account("thr-cleared");
        fail(known, 4);
        mvc.perform(formLogin().user(known).password(password(known))).andExpect(authenticated());
        fail(known, 4);
        mvc.perform(formLogin().user(known).password(password(known))).andExpect(authenticated());
    }
}
