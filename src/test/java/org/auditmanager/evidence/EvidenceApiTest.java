package org.auditmanager.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The evidence API with the demo data: lead audits Acme, acme and globex are clients of two organisations. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("demo")
class EvidenceApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper objectMapper;
    @Autowired
    JdbcClient jdbc;

    UUID acmeIso;

    @BeforeEach
    void findAcmeIso() throws Exception {
        JsonNode engagements = json(mvc.perform(get("/api/engagements").param("size", "50")
                .with(httpBasic("manager", "manager"))).andExpect(status().isOk()).andReturn());
        for (JsonNode engagement : engagements.path("items")) {
            if ("Acme Cloud Ltd".equals(engagement.path("organisationName").asText())
                    && "ISO27001".equals(engagement.path("framework").asText())) {
                acmeIso = UUID.fromString(engagement.path("id").asText());
            }
        }
        assertThat(acmeIso).isNotNull();
    }

    @Test
    void clientsSeeNoDraftRequest() throws Exception {
        UUID draft = create("Risk register");

        mvc.perform(get("/api/engagements/{id}/evidence-requests", acmeIso).with(acme()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString(draft.toString()))));
        mvc.perform(get("/api/evidence-requests/{id}", draft).with(acme())).andExpect(status().isNotFound());
        mvc.perform(upload(draft, pdf(1000), "draft.pdf").with(acme())).andExpect(status().isNotFound());

        share(draft);
        mvc.perform(get("/api/evidence-requests/{id}", draft).with(acme()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.request.status").value("OPEN"))
                .andExpect(jsonPath("$.request.reference").value(org.hamcrest.Matchers.startsWith("PBC-")));
    }

    @Test
    void answersAnUploadWithItsVersionAndTheSha256OfItsBytes() throws Exception {
        UUID request = shared("Firewall rule review");
        byte[] bytes = pdf(300_000);

        mvc.perform(upload(request, bytes, "firewall-review.pdf").param("evidenceDate", "2026-01-10").with(acme()))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/evidence-requests/" + request + "/files/")))
                .andExpect(jsonPath("$.versionId").isNotEmpty())
                .andExpect(jsonPath("$.sha256").value(sha256(bytes)))
                .andExpect(jsonPath("$.size").value(bytes.length))
                .andExpect(jsonPath("$.filename").value("firewall-review.pdf"))
                .andExpect(jsonPath("$.contentType").value("application/pdf"))
                .andExpect(jsonPath("$.evidenceDate").value("2026-01-10"))
                .andExpect(jsonPath("$.version").value(1));
    }

    @Test
    void keepsTheFirstVersionIntactWhenASecondIsUploaded() throws Exception {
        UUID request = shared("Backup restore test");
        byte[] first = pdf(5_000);
        byte[] second = pdf(7_000);
        UUID firstVersion = versionId(mvc.perform(upload(request, first, "restore.pdf").with(acme())).andReturn());
        UUID secondVersion = versionId(mvc.perform(upload(request, second, "restore.pdf").with(acme())).andReturn());

        mvc.perform(get("/api/evidence-requests/{id}/files/{v}", request, firstVersion).with(lead()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(header().string("Content-Disposition", containsString("restore.pdf")))
                .andExpect(header().longValue("Content-Length", first.length))
                .andExpect(content().contentType("application/pdf"))
                .andExpect(content().bytes(first));
        mvc.perform(get("/api/evidence-requests/{id}/files/{v}", request, secondVersion).with(acme()))
                .andExpect(content().bytes(second));
        mvc.perform(get("/api/evidence-requests/{id}", request).with(lead()))
                .andExpect(jsonPath("$.files[0].version").value(2))
                .andExpect(jsonPath("$.files[1].version").value(1))
                .andExpect(jsonPath("$.files[1].sha256").value(sha256(first)));
    }

    @Test
    void storesIdenticalBytesOnce() throws Exception {
        byte[] bytes = pdf(2_500_000);
        mvc.perform(upload(shared("Policy A"), bytes, "policy.pdf").with(acme())).andExpect(status().isCreated());
        mvc.perform(upload(shared("Policy B"), bytes, "same-policy.pdf").with(acme())).andExpect(status().isCreated());

        assertThat(count("select count(*) from evidence_content where sha256 = '" + sha256(bytes) + "'")).isOne();
        assertThat(count("select count(*) from evidence_content_chunk c join evidence_content e on e.chunks_id = c.chunks_id where e.sha256 = '" + sha256(bytes) + "'"))
                .as("2.5 MB in chunks of 256 KiB").isEqualTo(10);
        assertThat(count("select count(*) from evidence_file where sha256 = '" + sha256(bytes) + "'")).isEqualTo(2);
    }

    @Test
    void refusesAFileOverTheLimitWith413AndStoresNothing() throws Exception {
        UUID request = shared("Full audit log");
        byte[] tooLarge = new byte[50 * 1024 * 1024 + 1];
        Arrays.fill(tooLarge, (byte) 'a');
        int contents = count("select count(*) from evidence_content");

        mvc.perform(upload(request, tooLarge, "audit.log").with(acme()))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("50 MB")));

        assertThat(count("select count(*) from evidence_file where request_id = '" + request + "'")).isZero();
        assertThat(count("select count(*) from evidence_content")).isEqualTo(contents);
    }

    @Test
    void refusesContentThatIsNotOnTheAllowListWhateverItsName() throws Exception {
        UUID request = shared("Vulnerability scan");
        byte[] executable = new byte[4096];
        executable[0] = 'M';
        executable[1] = 'Z';

        mvc.perform(upload(request, executable, "scan-results.pdf").with(acme()))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.detail").value(containsString("Windows executable")));

        assertThat(count("select count(*) from evidence_file where request_id = '" + request + "'")).isZero();
    }

    @Test
    void keepsOnlyTheNameOfAFileNamedWithAPath() throws Exception {
        UUID request = shared("Joiner process");
        byte[] text = "name,joined\nalice,2026-01-03\n".getBytes(StandardCharsets.UTF_8);

        UUID version = versionId(mvc.perform(upload(request, text, "../../etc/joiners.csv").with(acme()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.filename").value("joiners.csv"))
                .andExpect(jsonPath("$.contentType").value("text/csv"))
                .andReturn());
        mvc.perform(upload(request, text, "..\\..\\windows\\le\u0000av\ners.txt").with(acme()))
                .andExpect(jsonPath("$.filename").value("leavers.txt"));
        mvc.perform(upload(request, text, "..").with(acme()))
                .andExpect(jsonPath("$.filename").value("evidence"));

        mvc.perform(get("/api/evidence-requests/{id}/files/{v}", request, version).with(acme()))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"joiners.csv\""));
    }

    @Test
    void refusesAnEvidenceDateInTheFuture() throws Exception {
        UUID request = shared("Pen test report");
        mvc.perform(upload(request, pdf(100), "pentest.pdf")
                        .param("evidenceDate", LocalDate.now().plusDays(1).toString()).with(acme()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.evidenceDate").isNotEmpty());
    }

    @Test
    void handsEvidenceOverAndTakesNoFilesWhileTheAuditorReviews() throws Exception {
        UUID request = shared("Change tickets");
        mvc.perform(upload(request, pdf(100), "changes.pdf").with(acme())).andExpect(status().isCreated());
        mvc.perform(json(post("/api/evidence-requests/{id}/submit", request), "{\"clientNote\":\"All of Q1\"}")
                .with(acme())).andExpect(status().isNoContent());

        mvc.perform(upload(request, pdf(100), "more.pdf").with(acme())).andExpect(status().isConflict());
        mvc.perform(get("/api/evidence-requests/{id}", request).with(acme()))
                .andExpect(jsonPath("$.request.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.thread[0].kind").value("SUBMITTED"))
                .andExpect(jsonPath("$.thread[0].body").value("All of Q1"));
    }

    @Test
    void rejectingNeedsAReasonWhichTheClientThenReads() throws Exception {
        UUID request = shared("Encryption settings");
        mvc.perform(post("/api/evidence-requests/{id}/submit", request).with(acme())).andExpect(status().isNoContent());

        mvc.perform(json(post("/api/evidence-requests/{id}/review", request), "{\"decision\":\"reject\"}").with(lead()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.reviewReason").isNotEmpty());
        mvc.perform(json(post("/api/evidence-requests/{id}/review", request),
                        "{\"decision\":\"reject\",\"reason\":\"Screenshot is undated\"}").with(lead()))
                .andExpect(status().isNoContent());

        mvc.perform(get("/api/evidence-requests/{id}", request).with(acme()))
                .andExpect(jsonPath("$.request.status").value("REJECTED"))
                .andExpect(jsonPath("$.thread[1].kind").value("REJECTED"))
                .andExpect(jsonPath("$.thread[1].body").value("Screenshot is undated"))
                .andExpect(jsonPath("$.thread[1].author").value("lead"));
    }

    @Test
    void listsAnEngagementsRequestsPaged() throws Exception {
        create("Asset inventory");
        create("Supplier list");
        create("Training records");

        mvc.perform(get("/api/engagements/{id}/evidence-requests", acmeIso).param("page", "1").param("size", "2")
                        .with(lead()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page").value(1))
                .andExpect(jsonPath("$.size").value(2))
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.total").value(org.hamcrest.Matchers.greaterThanOrEqualTo(3)));
    }

    @Test
    void refusesADraftWithoutPeriodOrDate() throws Exception {
        mvc.perform(json(post("/api/engagements/{id}/evidence-requests", acmeIso),
                        "{\"title\":\"Logs\",\"dueDate\":\"" + LocalDate.now().plusDays(5) + "\"}").with(lead()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.periodStart").isNotEmpty());
        mvc.perform(json(post("/api/engagements/{id}/evidence-requests", acmeIso),
                        "{\"title\":\"Logs\",\"controlIds\":[\"A 5\"],\"dueDate\":\"" + LocalDate.now().plusDays(5)
                                + "\",\"asOfDate\":\"" + LocalDate.now() + "\"}").with(lead()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.controlIds").isNotEmpty());
    }

    @Nested
    class AnotherOrganisation {

        @Test
        void getsNotFoundForEveryAcmeRequestAndFile() throws Exception {
            UUID request = shared("Incident register");
            UUID version = versionId(mvc.perform(upload(request, pdf(200), "incidents.pdf").with(acme())).andReturn());

            List<MockHttpServletRequestBuilder> calls = List.of(
                    get("/api/engagements/{id}/evidence-requests", acmeIso),
                    get("/api/evidence-requests/{id}", request),
                    get("/api/evidence-requests/{id}/files/{v}", request, version),
                    upload(request, pdf(200), "globex.pdf"),
                    json(post("/api/evidence-requests/{id}/comments", request), "{\"text\":\"hello\"}"),
                    post("/api/evidence-requests/{id}/submit", request),
                    json(post("/api/evidence-requests/{id}/review", request), "{\"decision\":\"accept\"}"),
                    post("/api/evidence-requests/{id}/share", request),
                    post("/api/evidence-requests/{id}/cancel", request),
                    json(post("/api/engagements/{id}/evidence-requests/share", acmeIso),
                            "{\"ids\":[\"" + request + "\"]}"),
                    json(post("/api/engagements/{id}/evidence-requests", acmeIso),
                            "{\"title\":\"x\",\"dueDate\":\"" + LocalDate.now() + "\",\"asOfDate\":\"" + LocalDate.now() + "\"}"));
            for (MockHttpServletRequestBuilder call : calls) {
                mvc.perform(call.with(httpBasic("globex", "globex"))).andExpect(status().isNotFound());
            }
        }

        @Test
        void getsNotFoundForAFileOfAnotherRequestUnderItsOwnRequestId() throws Exception {
            UUID acmeRequest = shared("Acme secret");
            UUID acmeVersion = versionId(mvc.perform(upload(acmeRequest, pdf(200), "secret.pdf").with(acme())).andReturn());
            UUID otherAcmeRequest = shared("Another Acme request");

            mvc.perform(get("/api/evidence-requests/{id}/files/{v}", otherAcmeRequest, acmeVersion).with(acme()))
                    .andExpect(status().isNotFound());
        }
    }

    private UUID create(String title) throws Exception {
        MvcResult result = mvc.perform(json(post("/api/engagements/{id}/evidence-requests", acmeIso), """
                        {"title": "%s", "description": "As discussed at kick-off", "controlIds": ["a.5.15", "A.8.2"],
                         "owner": "acme", "dueDate": "%s", "asOfDate": "%s"}"""
                        .formatted(title, LocalDate.now().plusDays(21), LocalDate.now())).with(lead()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.controlIds[0]").value("A.5.15"))
                .andReturn();
        return UUID.fromString(json(result).path("id").asText());
    }

    private void share(UUID request) throws Exception {
        mvc.perform(post("/api/evidence-requests/{id}/share", request).with(lead())).andExpect(status().isOk());
    }

    private UUID shared(String title) throws Exception {
        UUID request = create(title);
        share(request);
        return request;
    }

    private static MockHttpServletRequestBuilder upload(UUID request, byte[] bytes, String filename) {
        return multipart("/api/evidence-requests/{id}/files", request)
                .file(new MockMultipartFile("file", filename, "application/octet-stream", bytes));
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    /** A PDF header and random bytes: sniffed as PDF, different every time. */
    private static byte[] pdf(int size) {
        byte[] bytes = new byte[size];
        new Random().nextBytes(bytes);
        byte[] header = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, bytes, 0, Math.min(header.length, size));
        return bytes;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private UUID versionId(MvcResult result) throws Exception {
        return UUID.fromString(json(result).path("versionId").asText());
    }

    private int count(String sql) {
        return jdbc.sql(sql).query(Integer.class).single();
    }

    private JsonNode json(MvcResult result) throws Exception {
        return objectMapper.readTree(result.getResponse().getContentAsByteArray());
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor acme() {
        return httpBasic("acme", "acme");
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor lead() {
        return httpBasic("lead", "lead");
    }
}
