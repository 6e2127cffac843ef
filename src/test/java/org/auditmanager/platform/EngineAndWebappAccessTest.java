package org.auditmanager.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The Camunda webapps run outside Spring MVC, so they are checked over real HTTP: they take over the person
 * signed in to our pages. Who may reach the webapps and the engine REST API is EndpointAccessMatrixTest's table.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // the webapps and the engine REST API address the engine by name: the real one, "default"
        properties = "camunda.bpm.generate-unique-process-engine-name=false")
@ActiveProfiles("demo")
class EngineAndWebappAccessTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort int port;

    private HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpClient signedIn(String username) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        Matcher token = CSRF.matcher(get(client, "/login").body());
        assertThat(token.find()).isTrue();
        String form = "username=" + username + "&password=" + username + "&_csrf="
                + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        return client;
    }

    @Test
    void theWebappsTakeOurSignedInStaffUserAndRefuseAClient() throws Exception {
        HttpClient manager = signedIn("manager");
        HttpResponse<String> cockpit = get(manager, "/camunda/app/cockpit/default/");
        assertThat(cockpit.statusCode()).isEqualTo(200);
        HttpResponse<String> who = get(manager, "/camunda/api/admin/auth/user/default");
        assertThat(who.statusCode()).isEqualTo(200);
        assertThat(who.body()).contains("\"userId\":\"manager\"");

        HttpClient acme = signedIn("acme");
        assertThat(get(acme, "/camunda/app/tasklist/default/").statusCode()).isEqualTo(403);
        assertThat(get(acme, "/camunda/api/engine/engine/default/task").statusCode()).isEqualTo(403);
    }
}
