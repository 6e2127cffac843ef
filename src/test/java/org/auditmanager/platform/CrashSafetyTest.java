package org.auditmanager.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.auditmanager.AuditManagerApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives load against the real application in its own JVM on an H2 file, kills it with SIGKILL mid-load,
 * restarts it on the same file and checks that every acknowledged operation is there exactly once and that
 * nothing half-done is visible: no engagement without its process, no recorded submission without its
 * completed task, no gap in the audit trail.
 */
class CrashSafetyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dataDir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Set<String> acknowledgedEngagements = ConcurrentHashMap.newKeySet();
    private final Set<String> acknowledgedCompletions = ConcurrentHashMap.newKeySet();

    @Test
    void everyAcknowledgedOperationSurvivesAKillExactlyOnce() throws Exception {
        int port = freePort();
        Process first = start(port);
        String acme = waitUntilUp(port).get(0).path("id").asText();

        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService load = Executors.newFixedThreadPool(3);
        for (int worker = 0; worker < 2; worker++) {
            load.submit(() -> createEngagements(port, acme, running));
        }
        load.submit(() -> completePlanningTasks(port, running));
        Instant until = Instant.now().plusSeconds(8);
        while (Instant.now().isBefore(until) || acknowledgedCompletions.size() < 3) {
            Thread.sleep(100);
            assertThat(Instant.now()).as("load made no progress").isBefore(until.plusSeconds(90));
        }
        first.destroyForcibly();  // SIGKILL on Linux: no shutdown hooks, no flush
        running.set(false);
        first.waitFor(30, TimeUnit.SECONDS);
        load.shutdownNow();
        load.awaitTermination(30, TimeUnit.SECONDS);
        assertThat(acknowledgedEngagements).hasSizeGreaterThan(3);

        Process second = start(port);
        waitUntilUp(port);
        JsonNode trail = get(port, "/api/audit-trail/verify", "admin");
        second.destroy();
        second.waitFor(60, TimeUnit.SECONDS);

        assertThat(trail.path("intact").asBoolean()).as("audit trail after the crash: " + trail).isTrue();
        try (Connection db = DriverManager.getConnection(jdbcUrl(), "sa", "")) {
            for (String reference : acknowledgedEngagements) {
                assertThat(count(db, "select count(*) from engagement where reference = ?", reference))
                        .as("acknowledged engagement " + reference).isOne();
            }
            for (String taskId : acknowledgedCompletions) {
                assertThat(count(db, "select count(*) from task_submission where task_id = ?", taskId))
                        .as("acknowledged completion of " + taskId).isOne();
            }
            assertThat(count(db, """
                    select count(*) from engagement e where not exists
                        (select 1 from ACT_HI_PROCINST p where p.BUSINESS_KEY_ = e.reference)""", null))
                    .as("engagements without a process").isZero();
            assertThat(count(db, """
                    select count(*) from task_submission s where not exists
                        (select 1 from ACT_HI_TASKINST t where t.ID_ = s.task_id and t.END_TIME_ is not null)""", null))
                    .as("recorded submissions whose task is not completed").isZero();
            assertThat(count(db, """
                    select count(*) from engagement e where not exists
                        (select 1 from audit_trail a where a.entity_id = cast(e.id as varchar) and a.action = 'CREATED')""", null))
                    .as("engagements without their trail entry").isZero();
        }
    }

    private void createEngagements(int port, String organisationId, AtomicBoolean running) {
        int n = 0;
        while (running.get()) {
            String body = """
                    {"organisationId": "%s", "framework": "ISO27001", "kind": "CERTIFICATION_CYCLE",
                     "title": "Load %d", "scope": "Crash test", "leadAuditor": "lead"}""".formatted(organisationId, n++);
            try {
                HttpResponse<String> response = http.send(request(port, "/api/engagements", "manager")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 201) {
                    acknowledgedEngagements.add(JSON.readTree(response.body()).path("reference").asText());
                }
            } catch (IOException | InterruptedException killedMidRequest) {
                return;
            }
        }
    }

    private void completePlanningTasks(int port, AtomicBoolean running) {
        String plan = """
                {"plannedStart": "2027-03-01", "plannedEnd": "2027-03-05", "auditorDays": 5, "decision": "accept",
                 "independenceConfirmed": true}""";
        while (running.get()) {
            try {
                JsonNode tasks = get(port, "/api/tasks?assignment=mine&size=5", "lead").path("items");
                for (JsonNode task : tasks) {
                    String id = task.path("id").asText();
                    HttpResponse<String> response = http.send(request(port, "/api/tasks/" + id + "/complete", "lead")
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(plan)).build(), HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 204) {
                        acknowledgedCompletions.add(id);
                    }
                }
            } catch (IOException | InterruptedException killedMidRequest) {
                return;
            }
        }
    }

    private Process start(int port) throws IOException {
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-cp", classpath,
                AuditManagerApplication.class.getName(), "--server.port=" + port, "--spring.profiles.active=demo",
                "--spring.datasource.url=" + jdbcUrl(), "--app.security.bcrypt-strength=4",
                "--logging.level.root=WARN"));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("app-" + System.nanoTime() + ".log").toFile()).start();
    }

    private String jdbcUrl() {
        return "jdbc:h2:file:" + dataDir.resolve("auditmanager") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
    }

    private List<JsonNode> waitUntilUp(int port) throws Exception {
        // generous: the machine may be busy with other builds; this bounds a wait, it measures nothing
        Instant giveUp = Instant.now().plusSeconds(360);
        while (Instant.now().isBefore(giveUp)) {
            try {
                JsonNode organisations = get(port, "/api/organisations", "manager");
                List<JsonNode> all = new ArrayList<>();
                organisations.path("items").forEach(all::add);
                return all;
            } catch (IOException notYet) {
                Thread.sleep(500);
            }
        }
        throw new AssertionError("the application did not start within 6 minutes; see " + dataDir);
    }

    private JsonNode get(int port, String path, String user) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request(port, path, user).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(path + " answered " + response.statusCode());
        }
        return JSON.readTree(response.body());
    }

    private HttpRequest.Builder request(int port, String path, String user) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
    }

    private static int count(Connection db, String sql, String parameter) throws Exception {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            if (parameter != null) {
                statement.setString(1, parameter);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
