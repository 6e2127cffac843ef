package org.auditmanager.signoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.auditmanager.engagement.Engagement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.camunda.bpm.engine.TaskService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * A sign-off task completed through the engine's own REST API (what Tasklist uses) is a sign-off like one made
 * on our pages: the typed name is checked against the completing person and the record is written; our own API
 * still writes exactly one. Real HTTP, the engine named "default" as /engine-rest addresses it (the same context
 * as EngineMembershipAccessTest).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.generate-unique-process-engine-name=false")
@ActiveProfiles("demo")
class EngineRestSignOffTest {

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired TaskService taskService;
    @Autowired JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();
    private SignOffFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new SignOffFixtures(context);
    }

    @Test
    void completingOverEngineRestRecordsTheSignOffOfThePerson() throws Exception {
        Engagement engagement = fixtures.soc2AtPartnerSignOff("SOC 2 signed in Tasklist");
        String task = fixtures.task(engagement, "PartnerSignOff").getId();

        HttpResponse<String> response = send("POST", "/engine-rest/task/" + task + "/complete", "manager", """
                {"variables": {"signOffDecision": {"value": "sign"}, "signerName": {"value": " mia MANAGER "}}}""");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
        assertThat(taskService.createTaskQuery().taskId(task).count()).isZero();
        Map<String, Object> row = jdbc.sql("select * from signoff where engagement_id = :id")
                .param("id", engagement.id()).query().singleRow();
        assertThat(row).containsEntry("TASK_ID", task).containsEntry("TASK_KEY", "PartnerSignOff")
                .containsEntry("VERSION", 1).containsEntry("DECISION", "APPROVE").containsEntry("OUTCOME", "sign")
                .containsEntry("SIGNED_BY", "manager").containsEntry("SIGNER_DISPLAY_NAME", "Mia Manager")
                .containsEntry("TYPED_NAME", "mia MANAGER");
        assertThat((String) row.get("SUMMARY_SHA256"))
                .isEqualTo(SignOffSummaries.sha256((String) row.get("SUMMARY_JSON")));
    }

    @Test
    void aWrongTypedNameOverEngineRestCompletesNothing() throws Exception {
        Engagement engagement = fixtures.soc2AtPartnerSignOff("SOC 2 wrong name in Tasklist");
        String task = fixtures.task(engagement, "PartnerSignOff").getId();

        HttpResponse<String> response = send("POST", "/engine-rest/task/" + task + "/complete", "manager", """
                {"variables": {"signOffDecision": {"value": "sign"}, "signerName": {"value": "Rita Reviewer"}}}""");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).startsWith("{\"type\":\"BadUserRequestException\"");
        assertThat(response.body()).contains("Mia Manager");
        assertThat(taskService.createTaskQuery().taskId(task).count()).isOne();
        assertThat(signOffCount(engagement)).isZero();
    }

    @Test
    void completingOverOurApiStillRecordsExactlyOneSignOff() throws Exception {
        Engagement engagement = fixtures.soc2AtPartnerSignOff("SOC 2 signed over our API");
        String task = fixtures.task(engagement, "PartnerSignOff").getId();

        HttpResponse<String> response = send("POST", "/api/tasks/" + task + "/complete", "manager", """
                {"signOffDecision": "sign", "signerName": "Mia Manager"}""");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
        assertThat(taskService.createTaskQuery().taskId(task).count()).isZero();
        assertThat(signOffCount(engagement)).isOne();
    }

    private HttpResponse<String> send(String method, String path, String user, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private int signOffCount(Engagement engagement) {
        return jdbc.sql("select count(*) from signoff where engagement_id = :id").param("id", engagement.id())
                .query(Integer.class).single();
    }
}
