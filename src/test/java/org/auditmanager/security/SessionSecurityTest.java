package org.auditmanager.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.catalina.Context;
import org.apache.catalina.Session;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Sessions over real HTTP against the real servlet container: a new id at sign-in, 30 minutes without a
 * request by default, and an account that is switched off loses every session on its next request. Same
 * context as EngineAndWebappAccessTest.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.generate-unique-process-engine-name=false")
@ActiveProfiles("demo")
class SessionSecurityTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String SESSION_COOKIE = "JSESSIONID";

    @LocalServerPort int port;
    @Autowired ServletWebServerApplicationContext server;
    @Autowired UserAccounts accounts;

    private record Browser(HttpClient client, CookieManager cookies) {

        String sessionId() {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(SESSION_COOKIE))
                    .map(HttpCookie::getValue).findFirst().orElseThrow();
        }
    }

    private Browser browser() {
        CookieManager cookies = new CookieManager();
        return new Browser(HttpClient.newBuilder().cookieHandler(cookies).build(), cookies);
    }

    private HttpResponse<String> get(Browser browser, String path) throws Exception {
        return browser.client().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> signIn(Browser browser, String username, String password) throws Exception {
        Matcher token = CSRF.matcher(get(browser, "/login").body());
        assertThat(token.find()).isTrue();
        String form = "username=" + username + "&password=" + password + "&_csrf="
                + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        return browser.client().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private Session containerSession(String id) throws Exception {
        TomcatWebServer tomcat = (TomcatWebServer) server.getWebServer();
        Context context = (Context) tomcat.getTomcat().getHost().findChildren()[0];
        return context.getManager().findSession(id);
    }

    private String account(String username) {
        if (!accounts.exists(username)) {
            accounts.create(new NewUser(username, "Sam Session", null, username + "-secret", Set.of(Role.AUDITOR), null));
        }
        return username;
    }

    @Test
    void signingInGivesTheBrowserANewSessionIdAndTheOldOneIsWorthless() throws Exception {
        Browser browser = browser();
        get(browser, "/login");
        String before = browser.sessionId();

        HttpResponse<String> login = signIn(browser, "lead", "lead");
        assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        String after = browser.sessionId();
        assertThat(after).isNotEqualTo(before);
        assertThat(containerSession(before)).isNull();

        HttpResponse<String> planted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/engagements")).header("Cookie", SESSION_COOKIE + "=" + before)
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(planted.statusCode()).isEqualTo(302);
        assertThat(planted.headers().firstValue("Location").orElseThrow()).contains("/login");
        assertThat(get(browser, "/engagements").statusCode()).isEqualTo(200);
    }

    @Test
    void aSessionLastsThirtyIdleMinutesAndAnExpiredOneIsSentToSignInAgain() throws Exception {
        Browser browser = browser();
        signIn(browser, "reviewer", "reviewer");
        Session session = containerSession(browser.sessionId());
        assertThat(session.getMaxInactiveInterval()).isEqualTo(30 * 60);

        // what the container does once the idle time has passed
        session.expire();
        HttpResponse<String> next = get(browser, "/engagements");
        assertThat(next.statusCode()).isEqualTo(302);
        assertThat(next.headers().firstValue("Location").orElseThrow()).endsWith("/login?expired");
        assertThat(get(browser, "/login?expired").body()).contains("You were signed out after a while without activity.");
    }

    @Test
    void switchingAnAccountOffSignsItOutOfEverySessionOnTheNextRequest() throws Exception {
        String username = account("session-everywhere");
        Browser laptop = browser();
        Browser phone = browser();
        signIn(laptop, username, username + "-secret");
        signIn(phone, username, username + "-secret");
        assertThat(get(laptop, "/engagements").statusCode()).isEqualTo(200);
        assertThat(get(phone, "/tasks").statusCode()).isEqualTo(200);

        accounts.setEnabled(username, false);

        for (Browser browser : java.util.List.of(laptop, phone)) {
            String oldSession = browser.sessionId();
            HttpResponse<String> next = get(browser, "/engagements");
            assertThat(next.statusCode()).isEqualTo(302);
            assertThat(next.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
            assertThat(containerSession(oldSession)).isNull();
            assertThat(get(browser, "/login?error").body()).contains("This account is switched off.");
            assertThat(get(browser, "/engagements").statusCode()).isEqualTo(302);
        }
    }
}
