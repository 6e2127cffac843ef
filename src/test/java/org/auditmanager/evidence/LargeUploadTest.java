package org.auditmanager.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves that uploads and downloads stream: the application runs in a second JVM limited to a 512 MB heap, on
 * an H2 file database (an in-memory database would keep every byte on the heap), and 200 MiB generated on the
 * fly go up through the API and come back down, with matching SHA-256 on both sides. Holding the file in memory
 * (once as the upload, once more as the database value) would not fit next to the application's own ~90 MB.
 * The child's GC log is summarised on the test output: the highest heap occupancy, and the highest live heap
 * after a full collection (measured: about 150 to 210 MB while writing, 90 MB at rest; H2's page cache is most of
 * the difference).
 */
class LargeUploadTest {

    private static final long SIZE = 200L * 1024 * 1024;
    private static final int HEAP_MB = 512;
    private static final Pattern GC_PAUSE = Pattern.compile("Pause (\\w+).* (\\d+)M->(\\d+)M\\((\\d+)M\\)");
    private static final Duration STARTUP = Duration.ofMinutes(3);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void uploadsAndDownloads200MegabytesThroughAHeapOf512Megabytes(@TempDir Path dir) throws Exception {
        int port = freePort();
        Path gcLog = dir.resolve("gc.log");
        Process app = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + HEAP_MB + "m", "-XX:+UseG1GC", "-Xlog:gc:file=" + gcLog,
                "-Djava.io.tmpdir=" + dir,
                "-cp", System.getProperty("java.class.path"),
                "org.auditmanager.AuditManagerApplication",
                "--server.port=" + port,
                "--spring.profiles.active=demo",
                "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE",
                "--app.evidence.max-file-size=256MB",
                "--app.evidence.max-request-size=260MB",
                // Cockpit and Tasklist play no part in an upload; leaving them out shortens the start
                "--camunda.bpm.webapp.enabled=false"))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("app.log").toFile())
                .start();
        try {
            String base = "http://localhost:" + port;
            long starting = System.nanoTime();
            UUID engagement = awaitAcmeEngagement(base, app, dir);
            long startMillis = (System.nanoTime() - starting) / 1_000_000;
            UUID request = sharedRequest(base, engagement);

            long started = System.nanoTime();
            MessageDigest sent = MessageDigest.getInstance("SHA-256");
            JsonNode stored = upload(base, request, new DigestInputStream(new CsvRows(SIZE), sent));
            long uploadMillis = (System.nanoTime() - started) / 1_000_000;

            assertThat(stored.path("size").asLong()).isEqualTo(SIZE);
            assertThat(stored.path("sha256").asText()).isEqualTo(HexFormat.of().formatHex(sent.digest()));

            started = System.nanoTime();
            String downloaded = downloadSha256(base, request, stored.path("versionId").asText());
            long downloadMillis = (System.nanoTime() - started) / 1_000_000;
            assertThat(downloaded).isEqualTo(stored.path("sha256").asText());

            long[] heap = heapPeaks(gcLog);
            System.out.printf("application ready after %d ms; 200 MiB upload %d ms, download %d ms; child heap "
                    + "(-Xmx%dm): highest occupancy %d MB, highest live after a full GC %d MB%n", startMillis,
                    uploadMillis, downloadMillis, HEAP_MB, heap[0], heap[1]);
        } finally {
            app.destroy();
            if (!app.waitFor(30, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
    }

    private UUID awaitAcmeEngagement(String base, Process app, Path dir) throws Exception {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(app.isAlive()).as("the application exited; see " + dir.resolve("app.log")).isTrue();
            try {
                HttpResponse<String> response = http.send(get(base + "/api/engagements?size=50", "manager"),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    for (JsonNode engagement : json.readTree(response.body()).path("items")) {
                        if ("Acme Cloud Ltd".equals(engagement.path("organisationName").asText())
                                && "ISO27001".equals(engagement.path("framework").asText())) {
                            return UUID.fromString(engagement.path("id").asText());
                        }
                    }
                }
            } catch (IOException notListeningYet) {
                // the application is still starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the application did not start within " + STARTUP);
    }

    private UUID sharedRequest(String base, UUID engagement) throws Exception {
        String body = """
                {"title": "Full year of access logs", "controlIds": ["A.8.15"], "dueDate": "%s", "asOfDate": "%s"}"""
                .formatted(LocalDate.now().plusDays(14), LocalDate.now());
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/api/engagements/"
                        + engagement + "/evidence-requests"))
                .header("Authorization", basic("lead")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        UUID request = UUID.fromString(json.readTree(created.body()).path("id").asText());
        HttpResponse<String> shared = http.send(HttpRequest.newBuilder(URI.create(base + "/api/evidence-requests/"
                        + request + "/share")).header("Authorization", basic("lead"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(shared.statusCode()).as(shared.body()).isEqualTo(200);
        return request;
    }

    /** A multipart body around the generated stream, sent chunked: neither side ever has it whole. */
    private JsonNode upload(String base, UUID request, InputStream content) throws Exception {
        String boundary = "evidence-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"access-log.csv\""
                + "\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        HttpRequest post = HttpRequest.newBuilder(URI.create(base + "/api/evidence-requests/" + request + "/files"))
                .header("Authorization", basic("acme"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(
                        new SequenceInputStream(new ByteArrayInputStream(head), content),
                        new ByteArrayInputStream(tail))))
                .build();
        HttpResponse<String> response = http.send(post, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body());
    }

    private String downloadSha256(String base, UUID request, String versionId) throws Exception {
        HttpResponse<InputStream> response = http.send(get(base + "/api/evidence-requests/" + request + "/files/"
                + versionId, "lead"), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(SIZE);
        MessageDigest received = MessageDigest.getInstance("SHA-256");
        try (InputStream body = new DigestInputStream(response.body(), received)) {
            assertThat(body.transferTo(OutputStream.nullOutputStream())).isEqualTo(SIZE);
        }
        return HexFormat.of().formatHex(received.digest());
    }

    /**
     * Highest heap occupancy (before any pause) and highest live heap (after a full collection: after a young
     * one, old garbage still counts), in MB, from -Xlog:gc.
     */
    private static long[] heapPeaks(Path gcLog) throws IOException {
        long occupancy = 0;
        long live = 0;
        for (String line : Files.readAllLines(gcLog)) {
            Matcher pause = GC_PAUSE.matcher(line);
            if (pause.find()) {
                occupancy = Math.max(occupancy, Long.parseLong(pause.group(2)));
                if ("Full".equals(pause.group(1))) {
                    live = Math.max(live, Long.parseLong(pause.group(3)));
                }
            }
        }
        return new long[] {occupancy, live};
    }

    private static HttpRequest get(String url, String user) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", basic(user)).GET().build();
    }

    /** The demo users' password is their name. */
    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * {@code size} bytes of CSV rows, made as they are read (one 64 KiB block of rows over and over): sniffed as
     * text, never held in memory, and cheap enough that the test measures the application, not the generator.
     */
    private static final class CsvRows extends InputStream {

        private static final byte[] BLOCK = block();

        private final long size;
        private long position;

        CsvRows(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            return position == size ? -1 : BLOCK[(int) (position++ % BLOCK.length)] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position == size) {
                return -1;
            }
            int start = (int) (position % BLOCK.length);
            int count = (int) Math.min(Math.min(length, BLOCK.length - start), size - position);
            System.arraycopy(BLOCK, start, buffer, offset, count);
            position += count;
            return count;
        }

        private static byte[] block() {
            StringBuilder rows = new StringBuilder();
            for (int row = 0; rows.length() < 64 * 1024; row++) {
                rows.append("%08d,user-%d,login,ok%n".formatted(row, row % 977));
            }
            return rows.substring(0, 64 * 1024).getBytes(StandardCharsets.US_ASCII);
        }
    }
}
