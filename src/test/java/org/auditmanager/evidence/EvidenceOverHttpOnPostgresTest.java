package org.auditmanager.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Evidence through a real servlet container on a real PostgreSQL: the container enforces the multipart limit
 * (MockMvc does not), and PostgreSQL runs the migration, the bytea chunks, the row locks and the process
 * listeners. The file limit is 1 MB here, so that exceeding it costs little.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"app.evidence.max-file-size=1MB", "app.evidence.max-request-size=2MB"})
@ActiveProfiles("demo")
@Import(EvidenceOverHttpOnPostgresTest.Postgres.class)
class EvidenceOverHttpOnPostgresTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class Postgres {

        /** Closed after the connection pool (a bean, not @AfterAll), so that nothing waits on it at shutdown. */
        @Bean(destroyMethod = "close")
        EmbeddedPostgres embeddedPostgres() throws IOException {
            return EmbeddedPostgres.builder().start();
        }

        @Bean
        DataSource dataSource(EmbeddedPostgres postgres) {
            return postgres.getPostgresDatabase();
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private UUID acmeIso;

    @BeforeEach
    void findAcmeIso() throws Exception {
        assertThat(jdbc.sql("select version()").query(String.class).single()).startsWith("PostgreSQL");
        for (JsonNode engagement : json.readTree(send(get("/api/engagements?size=50", "manager")).body()).path("items")) {
            if ("Acme Cloud Ltd".equals(engagement.path("organisationName").asText())
                    && "ISO27001".equals(engagement.path("framework").asText())) {
                acmeIso = UUID.fromString(engagement.path("id").asText());
            }
        }
        assertThat(acmeIso).isNotNull();
    }

    @Test
    void refusesAnUploadOverTheContainersLimitWith413AndStoresNothing() throws Exception {
        UUID request = sharedRequest("Database audit log");
        byte[] tooLarge = new byte[1024 * 1024 + 1];
        Arrays.fill(tooLarge, (byte) 'a');

        HttpResponse<String> response = send(upload(request, "audit.log", tooLarge));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(json.readTree(response.body()).path("detail").asText()).contains("nothing was stored");
        assertThat(jdbc.sql("select count(*) from evidence_file where request_id = :id").param("id", request)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void tellsAPersonOnTheRequestPageThatAFileIsTooLarge() throws Exception {
        UUID request = sharedRequest("Backup logs");
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String loginToken = csrfToken(browser.send(HttpRequest.newBuilder(uri("/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body());
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=acme&password=acme&_csrf=" + loginToken)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        String page = browser.send(HttpRequest.newBuilder(uri("/evidence-requests/" + request)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher uploadForm = Pattern.compile("action=\"(/evidence-requests/" + request + "/files\\?_csrf=[^\"]+)\"")
                .matcher(page);
        assertThat(uploadForm.find()).as("the upload form carries its token in the address").isTrue();

        HttpResponse<String> refused = browser.send(multipart(uploadForm.group(1), "acme", "backup.log",
                new byte[1024 * 1024 + 1]), HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).endsWith("/evidence-requests/" + request));
        assertThat(browser.send(HttpRequest.newBuilder(uri("/evidence-requests/" + request)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body()).contains("larger than the allowed 1 MB");
        assertThat(jdbc.sql("select count(*) from evidence_file where request_id = :id").param("id", request)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void storesChunkedBytesOnceAndRunsTheReviewOnPostgres() throws Exception {
        byte[] pdf = pdf(600_000);
        UUID first = sharedRequest("Firewall configuration");
        UUID second = sharedRequest("Firewall configuration, second site");

        HttpResponse<String> uploaded = send(upload(first, "firewall.pdf", pdf));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        assertThat(send(upload(second, "firewall-copy.pdf", pdf)).statusCode()).isEqualTo(201);
        String sha256 = json.readTree(uploaded.body()).path("sha256").asText();
        String versionId = json.readTree(uploaded.body()).path("versionId").asText();

        HttpResponse<byte[]> download = http.send(get("/api/evidence-requests/" + first + "/files/" + versionId,
                "lead"), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.body()).isEqualTo(pdf);
        assertThat(jdbc.sql("select count(*) from evidence_content where sha256 = :sha").param("sha", sha256)
                .query(Integer.class).single()).isOne();
        assertThat(jdbc.sql("""
                        select count(*) from evidence_content_chunk c join evidence_content e on e.chunks_id = c.chunks_id
                        where e.sha256 = :sha""").param("sha", sha256).query(Integer.class).single())
                .as("600 KB in chunks of 256 KiB").isEqualTo(3);

        assertThat(send(post("/api/evidence-requests/" + first + "/submit", "acme", "{}")).statusCode()).isEqualTo(204);
        assertThat(send(post("/api/evidence-requests/" + first + "/review", "lead",
                "{\"decision\":\"accept\"}")).statusCode()).isEqualTo(204);
        assertThat(json.readTree(send(get("/api/evidence-requests/" + first, "acme")).body())
                .path("request").path("status").asText()).isEqualTo("ACCEPTED");
    }

    private UUID sharedRequest(String title) throws Exception {
        HttpResponse<String> created = send(post("/api/engagements/" + acmeIso + "/evidence-requests", "lead", """
                {"title": "%s", "controlIds": ["A.8.20"], "dueDate": "%s", "asOfDate": "%s"}"""
                .formatted(title, LocalDate.now().plusDays(14), LocalDate.now())));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        UUID request = UUID.fromString(json.readTree(created.body()).path("id").asText());
        assertThat(send(post("/api/evidence-requests/" + request + "/share", "lead", "")).statusCode()).isEqualTo(200);
        return request;
    }

    private HttpRequest upload(UUID request, String filename, byte[] bytes) throws IOException {
        return multipart("/api/evidence-requests/" + request + "/files", "acme", filename, bytes);
    }

    /** A multipart body with one file field; API paths sign in as {@code user}, pages with the session cookie. */
    private HttpRequest multipart(String path, String user, String filename, byte[] bytes) throws IOException {
        String boundary = "evidence-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.write(bytes);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        HttpRequest.Builder post = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (path.startsWith("/api/")) {
            post.header("Authorization", basic(user));
        }
        return post.build();
    }

    private static String csrfToken(String html) {
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(token.find()).isTrue();
        return token.group(1);
    }

    private HttpRequest get(String path, String user) {
        return HttpRequest.newBuilder(uri(path)).header("Authorization", basic(user)).GET().build();
    }

    private HttpRequest post(String path, String user, String body) {
        return HttpRequest.newBuilder(uri(path)).header("Authorization", basic(user))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] pdf(int size) {
        byte[] bytes = new byte[size];
        new Random().nextBytes(bytes);
        byte[] header = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, bytes, 0, header.length);
        return bytes;
    }
}
