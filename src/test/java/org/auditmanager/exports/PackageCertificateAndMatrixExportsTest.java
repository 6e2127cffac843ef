package org.auditmanager.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Date;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.auditmanager.DemoUsers;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.engagement.Engagements;
import org.auditmanager.evidence.EvidenceFiles;
import org.auditmanager.evidence.EvidenceRequest;
import org.auditmanager.evidence.EvidenceRequests;
import org.auditmanager.evidence.NewEvidenceRequest;
import org.auditmanager.security.AuthenticatedUser;
import org.auditmanager.soa.ImplementationStatus;
import org.auditmanager.soa.SoaEntry;
import org.auditmanager.soa.StatementsOfApplicability;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The ISO certificate, the SOC 2 control test matrix and the audit package, each generated from demo data and
 * read back with an independent reader (PDFBox, Commons CSV, java.util.zip with every manifest hash recomputed);
 * and the certificate's status on GET /api/engagements/{id}. Nothing of Globex may reach an Acme file.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("demo")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PackageCertificateAndMatrixExportsTest {

    private static final String SCOPE = "Operation of the Acme customer platform from the Dublin data centre";
    private static final String FORMULA_LIKE = "=cmd|' /C calc'!A0 reviewed quarterly";
    /** more than two chunks of the evidence store, so that the package streams a file in several reads */
    private static final byte[] LARGE_EVIDENCE = "Access log line of the quarterly review, all accounts checked.\n"
            .repeat(12_000).getBytes(StandardCharsets.UTF_8);

    @Autowired MockMvc mvc;
    @Autowired Engagements engagements;
    @Autowired EvidenceRequests evidenceRequests;
    @Autowired EvidenceFiles evidenceFiles;
    @Autowired JdbcClient jdbc;
    @Autowired DemoUsers users;
    @Autowired ObjectMapper objectMapper;
    @Autowired StatementsOfApplicability statements;
    @Autowired AuditPackageExport packages;

    private Engagement acmeIso;
    private Engagement acmeSoc2;
    private Engagement globexIso;
    private final UUID certificateId = UUID.randomUUID();
    private String certificateNumber;
    private EvidenceRequest accepted;
    private EvidenceRequest stillOpen;
    private final List<UUID> controls = List.of(UUID.randomUUID(), UUID.randomUUID());

    @BeforeAll
    void grantACertificateAcceptEvidenceAndTestControls() {
        acmeIso = demoEngagement("acme", "ISO/IEC 27001 initial certification");
        acmeSoc2 = demoEngagement("acme", "SOC 2 Type II");
        globexIso = demoEngagement("globex", "ISO/IEC 27001 recertification");
        certificateNumber = "ISMS-" + acmeIso.reference() + "-1";
        if (statements.view(acmeIso.id(), users.get("acme")).current() == null) {
            statements.saveDraft(acmeIso.id(), List.of(new SoaEntry("A.5.15", true, null,
                    ImplementationStatus.IMPLEMENTED)), users.get("acme"));
        }
        jdbc.sql("""
                        insert into iso_certificate (id, engagement_id, certificate_number, cycle_no, issue_date,
                            expiry_date, scope_statement, soa_version, restored_after_lapse, status, status_since,
                            created_at)
                        values (:id, :engagement, :number, 1, :issued, :expiry, :scope, '3', false, 'ACTIVE', :issued,
                            current_timestamp)""")
                .param("id", certificateId).param("engagement", acmeIso.id()).param("number", certificateNumber)
                .param("issued", Date.valueOf("2026-02-10")).param("expiry", Date.valueOf("2029-02-09"))
                .param("scope", SCOPE).update();

        accepted = evidenceWithFiles(acmeIso, "Quarterly access review", "acme",
                List.of("access-review Q1.txt", "access log.txt"),
                List.of("Reviewed by the CISO on 2026-03-31.".getBytes(StandardCharsets.UTF_8), LARGE_EVIDENCE));
        accept(accepted);
        stillOpen = evidenceWithFiles(acmeIso, "Draft supplier list", "acme", List.of("suppliers.txt"),
                List.of("not yet accepted".getBytes(StandardCharsets.UTF_8)));
        accept(evidenceWithFiles(globexIso, "Globex payroll extract", "globex", List.of("globex-secret.txt"),
                List.of("Globex confidential payroll".getBytes(StandardCharsets.UTF_8))));

        control(controls.get(0), 0, "AC-01", "Access is reviewed quarterly", "CC6.1,CC6.2", "EXCEPTION", 25, 1,
                FORMULA_LIKE);
        control(controls.get(1), 1, "CM-02", "Changes are approved before release", "CC8.1", "NO_EXCEPTION", 40, 0,
                null);
        jdbc.sql("""
                        insert into soc2_sample (id, control_id, item_index, label, window_from, window_to)
                        values (:id, :control, 1, '2026-Q1', :from, :to)""")
                .param("id", UUID.randomUUID()).param("control", controls.get(0))
                .param("from", Date.valueOf("2026-01-01")).param("to", Date.valueOf("2026-03-31")).update();
    }

    @AfterAll
    void removeWhatThisClassAdded() {
        jdbc.sql("delete from iso_certificate where id = :id").param("id", certificateId).update();
        jdbc.sql("delete from soc2_sample where control_id in (:ids)").param("ids", controls).update();
        jdbc.sql("delete from soc2_control where id in (:ids)").param("ids", controls).update();
    }

    private Engagement demoEngagement(String client, String titlePrefix) {
        Engagement found = engagements.visibleTo(users.get(client), 0, 50).stream()
                .filter(engagement -> engagement.title().startsWith(titlePrefix)).findFirst().orElseThrow();
        return engagements.get(found.id(), users.get("admin"));
    }

    private EvidenceRequest evidenceWithFiles(Engagement engagement, String title, String client, List<String> names,
                                              List<byte[]> contents) {
        AuthenticatedUser lead = users.get("admin");
        EvidenceRequest request = evidenceRequests.create(engagement.id(), new NewEvidenceRequest(title, null,
                List.of("A.5.15"), null, LocalDate.now().plusDays(20), null, null, LocalDate.now()), lead);
        evidenceRequests.share(List.of(request.id()), lead);
        for (int i = 0; i < names.size(); i++) {
            evidenceFiles.upload(request.id(), names.get(i), LocalDate.now(), new ByteArrayInputStream(contents.get(i)),
                    users.get(client));
        }
        return request;
    }

    /** The auditor's acceptance as the evidence process records it; the process itself is tested elsewhere. */
    private void accept(EvidenceRequest request) {
        jdbc.sql("update evidence_request set status = 'ACCEPTED' where id = :id").param("id", request.id()).update();
    }

    private void control(UUID id, int position, String reference, String description, String criteria, String result,
                         int sampleSize, int deviations, String notes) {
        jdbc.sql("""
                        insert into soc2_control (id, engagement_id, position, reference, description, frequency,
                            criteria, design_result, sample_size, test_result, deviations, test_notes)
                        values (:id, :engagement, :position, :reference, :description, 'QUARTERLY', :criteria,
                            'NO_EXCEPTION', :size, :result, :deviations, :notes)""")
                .param("id", id).param("engagement", acmeSoc2.id()).param("position", 100 + position)
                .param("reference", reference).param("description", description).param("criteria", criteria)
                .param("size", sampleSize).param("result", result).param("deviations", deviations)
                .param("notes", notes).update();
    }

    private MvcResult download(String export, Engagement engagement, String username) throws Exception {
        return mvc.perform(get("/api/engagements/{id}/exports/" + export, engagement.id())
                        .with(httpBasic(username, username)))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.CACHE_CONTROL, "no-store"))
                .andReturn();
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static List<CSVRecord> csv(String text) throws IOException {
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text))) {
            return parser.getRecords();
        }
    }

    // ------------------------------------------------------------------------------------------- certificate

    @Test
    void theCertificatePdfReadsBackWithItsFacts() throws Exception {
        MvcResult result = download("certificate.pdf", acmeIso, "acme");
        assertThat(result.getResponse().getContentType()).isEqualTo(MediaType.APPLICATION_PDF_VALUE);
        assertThat(result.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION))
                .contains(certificateNumber + "-certificate.pdf");

        String text = pdfText(result.getResponse().getContentAsByteArray());

        assertThat(text).contains("ISO/IEC 27001:2022", "Acme Cloud Ltd", SCOPE, certificateNumber, "2026-02-10",
                "2029-02-09", "Issued by Example Certification Body", acmeIso.reference());
        assertThat(text).containsPattern("Statement of Applicability\\s+3");
        assertThat(text).doesNotContain("Globex");
    }

    @Test
    void noValidCertificateAnswers409WithTheReason() throws Exception {
        mvc.perform(get("/api/engagements/{id}/exports/certificate.pdf", globexIso.id())
                        .with(httpBasic("globex", "globex")))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(globexIso.reference()
                        + " has no certificate: none has been granted yet."));
        mvc.perform(get("/api/engagements/{id}/exports/certificate.pdf", acmeSoc2.id()).with(httpBasic("acme", "acme")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("not an ISO/IEC 27001 engagement")));
        jdbc.sql("update iso_certificate set status = 'SUSPENDED', status_since = :since where id = :id")
                .param("since", Date.valueOf("2026-06-01")).param("id", certificateId).update();
        try {
            mvc.perform(get("/api/engagements/{id}/exports/certificate.pdf", acmeIso.id())
                            .with(httpBasic("acme", "acme")))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.detail").value("Certificate " + certificateNumber
                            + " is suspended since 2026-06-01, so it is not valid and is not printed."));
        } finally {
            jdbc.sql("update iso_certificate set status = 'ACTIVE', status_since = issue_date where id = :id")
                    .param("id", certificateId).update();
        }
    }

    @Test
    void theEngagementAnswersItsCertificateStatusWithDates() throws Exception {
        mvc.perform(get("/api/engagements/{id}", acmeIso.id()).with(httpBasic("acme", "acme")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reference").value(acmeIso.reference()))
                .andExpect(jsonPath("$.certificate.status").value("ACTIVE"))
                .andExpect(jsonPath("$.certificate.statusSince").value("2026-02-10"))
                .andExpect(jsonPath("$.certificate.number").value(certificateNumber))
                .andExpect(jsonPath("$.certificate.issueDate").value("2026-02-10"))
                .andExpect(jsonPath("$.certificate.expiryDate").value("2029-02-09"));
        mvc.perform(get("/api/engagements/{id}", globexIso.id()).with(httpBasic("globex", "globex")))
                .andExpect(jsonPath("$.certificate").doesNotExist());
        mvc.perform(get("/api/engagements/{id}", acmeSoc2.id()).with(httpBasic("acme", "acme")))
                .andExpect(jsonPath("$.certificate").doesNotExist())
                .andExpect(jsonPath("$.soc2Report").exists());
    }

    @Test
    void theCertificateStatusIsDocumentedOnTheEngagement() throws Exception {
        JsonNode spec = objectMapper.readTree(mvc.perform(get("/v3/api-docs").with(httpBasic("manager", "manager")))
                .andReturn().getResponse().getContentAsString());
        JsonNode answer = spec.at("/paths/~1api~1engagements~1{id}/get/responses/200/content/application~1json/schema");
        assertThat(answer.at("/allOf/0/$ref").asText()).isEqualTo("#/components/schemas/Engagement");
        JsonNode certificate = answer.at("/allOf/1/properties/certificate");
        assertThat(certificate.path("description").asText()).contains("ACTIVE, SUSPENDED, EXPIRED or WITHDRAWN");
        String schema = certificate.path("$ref").asText().replace("#/components/schemas/", "");
        JsonNode properties = spec.path("components").path("schemas").path(schema).path("properties");
        assertThat(properties.has("status") && properties.has("statusSince") && properties.has("expiryDate")).isTrue();
        assertThat(properties.path("status").path("enum").toString())
                .contains("ACTIVE", "SUSPENDED", "EXPIRED", "WITHDRAWN");
    }

    // ---------------------------------------------------------------------------------------- SOC 2 matrix

    @Test
    void theControlTestMatrixParsesBackOneRowPerCriterionAndControl() throws Exception {
        MvcResult result = download("soc2-matrix.csv", acmeSoc2, "acme");
        assertThat(result.getResponse().getContentType()).startsWith("text/csv");
        String text = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text))) {
            assertThat(parser.getHeaderNames()).containsExactlyElementsOf(Soc2MatrixExport.CSV_HEADER);
        }
        List<CSVRecord> rows = csv(text);

        List<CSVRecord> accessReview = rows.stream().filter(row -> row.get("control").equals("AC-01")).toList();
        assertThat(accessReview).extracting(row -> row.get("criterion")).containsExactly("CC6.1", "CC6.2");
        assertThat(accessReview).allSatisfy(row -> {
            assertThat(row.get("test_result")).isEqualTo("EXCEPTION");
            assertThat(row.get("samples")).isEqualTo("25");
            assertThat(row.get("exceptions")).isEqualTo("1");
            assertThat(row.get("sample_items")).isEqualTo("2026-Q1");
            assertThat(row.get("frequency")).isEqualTo("QUARTERLY");
            assertThat(row.get("test_notes")).isEqualTo("'" + FORMULA_LIKE);
        });
        CSVRecord change = rows.stream().filter(row -> row.get("control").equals("CM-02")).findFirst().orElseThrow();
        assertThat(change.get("criterion")).isEqualTo("CC8.1");
        assertThat(change.get("test_result")).isEqualTo("NO_EXCEPTION");
        assertThat(change.get("exceptions")).isEqualTo("0");
        assertThat(change.get("criterion_title")).isNotEmpty();
        // a criterion in scope that no control addresses still shows, with the control columns empty
        CSVRecord gap = rows.stream().filter(row -> row.get("criterion").equals("CC1.1")).findFirst().orElseThrow();
        assertThat(gap.get("control")).isEmpty();
        // criteria in the order of the Trust Services Criteria, not the alphabet (CC2 before CC10 would show it)
        List<String> criteria = rows.stream().map(row -> row.get("criterion")).distinct().toList();
        assertThat(criteria.indexOf("CC6.1")).isLessThan(criteria.indexOf("CC8.1"));
    }

    @Test
    void anIsoEngagementHasNoControlTestMatrix() throws Exception {
        mvc.perform(get("/api/engagements/{id}/exports/soc2-matrix.csv", acmeIso.id()).with(httpBasic("acme", "acme")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("not a SOC 2 examination")));
    }

    // ---------------------------------------------------------------------------------------- audit package

    private Map<String, byte[]> auditPackage(Engagement engagement, RequestPostProcessor caller) throws Exception {
        MvcResult result = mvc.perform(get("/api/engagements/{id}/exports/audit-package.zip", engagement.id())
                        .with(caller))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/zip"))
                .andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION,
                        containsString(engagement.reference() + "-audit-package.zip")))
                .andReturn();
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(
                result.getResponse().getContentAsByteArray()), StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        return entries;
    }

    @Test
    void theAuditPackageHoldsEveryFileOnceWithAManifestThatChecksOut() throws Exception {
        Map<String, byte[]> zip = auditPackage(acmeIso, httpBasic("acme", "acme"));
        String folder = acmeIso.reference() + "/";
        assertThat(zip.keySet()).allSatisfy(name -> assertThat(name).startsWith(folder));

        // sha256sum format: 64 hex digits, two spaces, the path relative to the folder
        String manifest = new String(zip.get(folder + AuditPackageExport.MANIFEST), StandardCharsets.UTF_8);
        Map<String, String> listed = new LinkedHashMap<>();
        manifest.lines().forEach(line -> {
            assertThat(line).matches("[0-9a-f]{64}  \\S+");
            listed.put(line.substring(66), line.substring(0, 64));
        });
        assertThat(listed.keySet().stream().map(path -> folder + path).toList())
                .containsExactlyInAnyOrderElementsOf(zip.keySet().stream()
                        .filter(name -> !name.equals(folder + AuditPackageExport.MANIFEST)).toList());
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        listed.forEach((path, hash) -> assertThat(HexFormat.of().formatHex(sha256.digest(zip.get(folder + path))))
                .as(path).isEqualTo(hash));

        String acceptedFolder = "evidence/" + accepted.reference() + "/";
        assertThat(zip.get(folder + acceptedFolder + "v1-access-review_Q1.txt"))
                .isEqualTo("Reviewed by the CISO on 2026-03-31.".getBytes(StandardCharsets.UTF_8));
        assertThat(zip.get(folder + acceptedFolder + "v2-access_log.txt")).isEqualTo(LARGE_EVIDENCE);
        assertThat(zip.keySet()).noneMatch(name -> name.contains("evidence/" + stillOpen.reference() + "/"));
        assertThat(listed.keySet()).contains(AuditPackageExport.INDEX, "reports/" + acmeIso.reference() + "-summary.pdf",
                "reports/" + certificateNumber + "-certificate.pdf");
        assertThat(listed.keySet()).anyMatch(path -> path.matches("reports/" + acmeIso.reference() + "-soa-v\\d+\\.csv"));
        assertThat(pdfText(zip.get(folder + "reports/" + certificateNumber + "-certificate.pdf"))).contains(SCOPE);

        String index = new String(zip.get(folder + AuditPackageExport.INDEX), StandardCharsets.UTF_8);
        listed.keySet().stream().filter(path -> !path.equals(AuditPackageExport.INDEX))
                .forEach(path -> assertThat(index).contains("href=\"" + path + "\""));
        listed.forEach((path, hash) -> {
            if (!path.equals(AuditPackageExport.INDEX)) {
                assertThat(index).contains(hash);
            }
        });
        assertThat(index).contains("Audit package · " + acmeIso.reference(), "Quarterly access review",
                "access log.txt", "sha256sum -c SHA256SUMS");
    }

    @Test
    void aClientsAuditPackageHoldsNothingOfAnotherOrganisation() throws Exception {
        Map<String, byte[]> zip = auditPackage(acmeIso, httpBasic("acme", "acme"));
        List<String> globexReferences = engagements.visibleTo(users.get("globex"), 0, 50).stream()
                .map(Engagement::reference).toList();
        for (Map.Entry<String, byte[]> entry : zip.entrySet()) {
            // our reports are read as PDFs; evidence is read as uploaded (other tests upload PDF-like text)
            String text = entry.getKey().contains("/reports/") && entry.getKey().endsWith(".pdf")
                    ? pdfText(entry.getValue())
                    : new String(entry.getValue(), StandardCharsets.UTF_8);
            assertThat(text).as(entry.getKey()).doesNotContain("Globex", "globex-secret");
            globexReferences.forEach(reference -> assertThat(entry.getKey() + text).doesNotContain(reference));
        }
        mvc.perform(get("/api/engagements/{id}/exports/audit-package.zip", acmeIso.id())
                        .with(httpBasic("globex", "globex")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void evidenceAlteredInTheStoreBreaksThePackageInsteadOfShippingIt() throws Exception {
        byte[] original = ("Globex firewall rules " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        EvidenceRequest request = evidenceWithFiles(globexIso, "Firewall rules", "globex", List.of("rules.txt"),
                List.of(original));
        accept(request);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(original));
        byte[] altered = original.clone();
        altered[0] = 'X';
        jdbc.sql("""
                        update evidence_content_chunk set data = :data
                        where chunks_id = (select chunks_id from evidence_content where sha256 = :sha256)""")
                .param("data", altered).param("sha256", sha256).update();
        AuthenticatedUser globex = users.get("globex");
        AuditPackageExport.Prepared prepared = packages.prepare(globexIso.id(), globex, Locale.ENGLISH);

        assertThatThrownBy(() -> packages.write(prepared, OutputStream.nullOutputStream()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(request.reference()).hasMessageContaining("does not match its recorded SHA-256");
    }

    @Test
    void aSoc2AuditPackageCarriesTheControlTestMatrixAndNoIsoReports() throws Exception {
        Map<String, byte[]> zip = auditPackage(acmeSoc2, httpBasic("lead", "lead"));
        String folder = acmeSoc2.reference() + "/reports/";
        assertThat(zip).containsKeys(folder + acmeSoc2.reference() + "-soc2-control-matrix.csv",
                folder + acmeSoc2.reference() + "-summary.pdf");
        assertThat(zip.keySet()).noneMatch(name -> name.contains("-soa-") || name.contains("certificate"));
        assertThat(csv(new String(zip.get(folder + acmeSoc2.reference() + "-soc2-control-matrix.csv"),
                StandardCharsets.UTF_8))).anyMatch(row -> row.get("control").equals("AC-01"));
    }

    // -------------------------------------------------------------------------------------------------- pages

    @Test
    void theExportsPageOffersTheCertificateOnlyWhenValid() throws Exception {
        String acmePage = mvc.perform(get("/engagements/{id}/exports", acmeIso.id()).with(user(users.get("acme"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String base = "/engagements/" + acmeIso.id() + "/exports/";
        assertThat(acmePage).contains(base + "certificate.pdf", base + "audit-package.zip", base + "soa.csv",
                base + "summary.pdf").doesNotContain("soc2-matrix.csv");
        String globexPage = mvc.perform(get("/engagements/{id}/exports", globexIso.id())
                        .with(user(users.get("globex"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(globexPage).doesNotContain("certificate.pdf").contains("none has been granted yet");
        mvc.perform(get("/engagements/{id}/exports", acmeIso.id()).with(user(users.get("globex"))))
                .andExpect(status().isNotFound());
    }

    @Test
    void theEngagementPageLinksToTheNewExports() throws Exception {
        String soc2Page = mvc.perform(get("/engagements/{id}", acmeSoc2.id()).with(user(users.get("acme"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String base = "/engagements/" + acmeSoc2.id() + "/exports";
        assertThat(soc2Page).contains(base + "/soc2-matrix.csv", base + "/audit-package.zip", base + "\"");
    }

    @Test
    void thePageLinksDownloadWithTheSession() throws Exception {
        mvc.perform(get("/engagements/{id}/exports/audit-package.zip", acmeSoc2.id()).with(user(users.get("acme"))))
                .andExpect(status().isOk()).andExpect(content().contentType("application/zip"));
        mvc.perform(get("/engagements/{id}/exports/certificate.pdf", acmeIso.id()).with(user(users.get("acme"))))
                .andExpect(status().isOk()).andExpect(content().contentType(MediaType.APPLICATION_PDF));
        mvc.perform(get("/engagements/{id}/exports/soc2-matrix.csv", acmeSoc2.id()).with(user(users.get("globex"))))
                .andExpect(status().isNotFound());
    }
}
