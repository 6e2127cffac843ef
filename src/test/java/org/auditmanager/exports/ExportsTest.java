package org.auditmanager.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.auditmanager.DemoUsers;
import org.auditmanager.catalog.Catalog;
import org.auditmanager.catalog.CatalogItem;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.engagement.Engagements;
import org.auditmanager.soa.ImplementationStatus;
import org.auditmanager.soa.SoaEntry;
import org.auditmanager.soa.StatementsOfApplicability;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Each export generated from the demo data and read back with an independent reader: PDF text through
 * PDFBox, CSV through Commons CSV. Nothing of another organisation may appear in a client's file.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("demo")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportsTest {

    private static final String FORMULA_LIKE = "=HYPERLINK(\"http://evil.example\") no premises of our own";

    @Autowired MockMvc mvc;
    @Autowired Engagements engagements;
    @Autowired StatementsOfApplicability statements;
    @Autowired Catalog catalog;
    @Autowired JdbcClient jdbc;
    @Autowired DemoUsers users;

    private Engagement acmeIso;
    private Engagement acmeSoc2;
    private Engagement globexIso;

    @BeforeAll
    void decideEveryControlAndRecordMilestones() {
        acmeIso = demoEngagement("acme", "ISO/IEC 27001 initial certification");
        acmeSoc2 = demoEngagement("acme", "SOC 2 Type II");
        globexIso = demoEngagement("globex", "ISO/IEC 27001 recertification");
        statements.saveDraft(acmeIso.id(), catalog.isoControls().stream().map(ExportsTest::decision).toList(),
                users.get("acme"));
        milestone(acmeIso, "stage1", "Stage 1 audit", LocalDate.of(2027, 3, 1));
        milestone(globexIso, "stage2", "Globex secret milestone", LocalDate.of(2027, 4, 1));
    }

    @AfterAll
    void removeMilestones() {
        jdbc.sql("delete from engagement_milestone where milestone_key in ('stage1', 'stage2')").update();
    }

    private Engagement demoEngagement(String client, String titlePrefix) {
        Engagement found = engagements.visibleTo(users.get(client), 0, 50).stream()
                .filter(engagement -> engagement.title().startsWith(titlePrefix)).findFirst().orElseThrow();
        return engagements.get(found.id(), users.get("admin"));
    }

    private void milestone(Engagement engagement, String key, String label, LocalDate due) {
        jdbc.sql("insert into engagement_milestone (engagement_id, milestone_key, label, due_date) "
                        + "values (:id, :key, :label, :due)")
                .param("id", engagement.id()).param("key", key).param("label", label).param("due", Date.valueOf(due))
                .update();
    }

    private static SoaEntry decision(CatalogItem control) {
        if (control.id().equals("A.7.1")) {
            return new SoaEntry(control.id(), false, FORMULA_LIKE, null);
        }
        return control.group().equals("Physical")
                ? new SoaEntry(control.id(), false, "Hosted in a certified colocation data centre.", null)
                : new SoaEntry(control.id(), true, null, ImplementationStatus.IMPLEMENTED);
    }

    private MvcResult download(String path, Engagement engagement, String username) throws Exception {
        MvcResult result = mvc.perform(get("/api/engagements/{id}/exports/" + path, engagement.id())
                        .with(httpBasic(username, username)))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION, containsString(engagement.reference())))
                .andExpect(header().string(HttpHeaders.CACHE_CONTROL, "no-store"))
                .andReturn();
        // kept for a reader who wants to look at the files
        Path kept = Path.of("target/exports", username + "-" + path);
        Files.createDirectories(kept.getParent());
        Files.write(kept, result.getResponse().getContentAsByteArray());
        return result;
    }

    private static String pdfText(MvcResult result) throws IOException {
        assertThat(result.getResponse().getContentType()).isEqualTo(MediaType.APPLICATION_PDF_VALUE);
        try (PDDocument pdf = Loader.loadPDF(result.getResponse().getContentAsByteArray())) {
            return new PDFTextStripper().getText(pdf);
        }
    }

    @Test
    void theSummaryPdfReadsBackWithEverySection() throws Exception {
        String text = pdfText(download("summary.pdf", acmeIso, "acme"));

        assertThat(text).contains("Engagement summary · " + acmeIso.reference(), "ISO/IEC 27001 initial certification",
                "Acme Cloud Ltd", "Certification cycle", "Leo Lead", "Ava Auditor", "Rita Reviewer",
                "Milestones", "Stage 1 audit", "2027-03-01",
                "Completed steps", "Audit trail", "CREATED", "STATUS_CHANGED", "reference: " + acmeIso.reference());
        assertThat(text).contains("Status", "Created");
    }

    @Test
    void theSummaryShowsCompletedStepsInOrder() throws Exception {
        String text = pdfText(download("summary.pdf", acmeSoc2, "manager"));
        assertThat(text).contains("Plan the engagement");
        assertThat(text.indexOf("Completed steps")).isLessThan(text.indexOf("Plan the engagement"));
    }

    @Test
    void aClientsSummaryHoldsNothingOfAnotherOrganisation() throws Exception {
        String text = pdfText(download("summary.pdf", acmeIso, "acme"));
        List<String> globexReferences = engagements.visibleTo(users.get("globex"), 0, 50).stream()
                .map(Engagement::reference).toList();

        assertThat(text).doesNotContain("Globex", "Gina", "Globex secret milestone");
        globexReferences.forEach(reference -> assertThat(text).doesNotContain(reference));
    }

    @Test
    void onlyStaffSeeWhereChangesCameFrom() throws Exception {
        assertThat(pdfText(download("summary.pdf", acmeIso, "manager"))).contains("From");
        assertThat(pdfText(download("summary.pdf", acmeIso, "acme"))).doesNotContain("From");
    }

    @Test
    void theSoaCsvParsesBackToTheDecisions() throws Exception {
        MvcResult result = download("soa.csv", acmeIso, "acme");
        int version = statements.view(acmeIso.id(), users.get("acme")).current().version();
        assertThat(result.getResponse().getContentType()).startsWith("text/csv");
        assertThat(result.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION))
                .contains(acmeIso.reference() + "-soa-v" + version + ".csv");

        List<CSVRecord> records;
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(result.getResponse().getContentAsString(StandardCharsets.UTF_8)))) {
            assertThat(parser.getHeaderNames()).containsExactlyElementsOf(SoaExport.CSV_HEADER);
            records = parser.getRecords();
        }
        assertThat(records).extracting(row -> row.get("control_id"))
                .containsExactlyElementsOf(catalog.isoControls().stream().map(CatalogItem::id).toList());
        Map<String, CSVRecord> byControl = records.stream()
                .collect(Collectors.toMap(row -> row.get("control_id"), Function.identity()));
        assertThat(byControl.get("A.5.1").get("applicable")).isEqualTo("true");
        assertThat(byControl.get("A.5.1").get("implementation_status")).isEqualTo("IMPLEMENTED");
        assertThat(byControl.get("A.5.1").get("theme")).isEqualTo("Organizational");
        assertThat(byControl.get("A.7.2").get("applicable")).isEqualTo("false");
        assertThat(byControl.get("A.7.2").get("justification")).isEqualTo("Hosted in a certified colocation data centre.");
        assertThat(byControl.get("A.7.2").get("implementation_status")).isEmpty();
        assertThat(records).allSatisfy(row -> {
            assertThat(row.get("soa_version")).isEqualTo(String.valueOf(version));
            assertThat(row.get("soa_status")).isEqualTo("DRAFT");
        });
    }

    @Test
    void aJustificationThatLooksLikeAFormulaStaysInertInTheCsv() throws Exception {
        String csv = download("soa.csv", acmeIso, "acme").getResponse().getContentAsString(StandardCharsets.UTF_8);
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv))) {
            CSVRecord excluded = parser.getRecords().stream().filter(row -> row.get("control_id").equals("A.7.1"))
                    .findFirst().orElseThrow();
            assertThat(excluded.get("justification")).isEqualTo("'" + FORMULA_LIKE);
        }
    }

    @Test
    void theSoaPdfReadsBackWithEveryControlAndItsDecision() throws Exception {
        String text = pdfText(download("soa.pdf", acmeIso, "lead"));

        assertThat(text).contains("Statement of Applicability · " + acmeIso.reference(), "Acme Cloud Ltd",
                "· Draft ·", "ISO27001:2022", "Organizational controls", "Physical controls", "Excluded", "Applicable",
                "Implemented", "Hosted in a certified colocation data centre.");
        catalog.isoControls().forEach(control -> assertThat(text).contains(control.id()));
        assertThat(text).contains("93 Annex A controls: 79 applicable, 14 excluded, 0 not decided.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"summary.pdf", "soa.csv", "soa.pdf"})
    void aClientOfAnotherOrganisationGets404(String export) throws Exception {
        mvc.perform(get("/api/engagements/{id}/exports/" + export, acmeIso.id()).with(httpBasic("globex", "globex")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Engagement not found."));
    }

    @Test
    void aSoc2EngagementHasNoStatementOfApplicabilityToExport() throws Exception {
        mvc.perform(get("/api/engagements/{id}/exports/soa.csv", acmeSoc2.id()).with(httpBasic("acme", "acme")))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void theEngagementPageLinksToItsExportsAndTrail() throws Exception {
        String page = mvc.perform(get("/engagements/{id}", acmeIso.id()).with(user(users.get("acme"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String base = "/engagements/" + acmeIso.id();
        assertThat(page).contains(base + "/exports/summary.pdf", base + "/exports/soa.csv", base + "/exports/soa.pdf",
                base + "/trail");
        String soc2Page = mvc.perform(get("/engagements/{id}", acmeSoc2.id()).with(user(users.get("acme"))))
                .andReturn().getResponse().getContentAsString();
        assertThat(soc2Page).contains("/exports/summary.pdf").doesNotContain("/exports/soa.csv");
    }

    @Test
    void thePageLinksDownloadWithTheSessionAndHideForeignEngagements() throws Exception {
        MvcResult result = mvc.perform(get("/engagements/{id}/exports/summary.pdf", acmeIso.id())
                        .with(user(users.get("acme"))))
                .andExpect(status().isOk()).andReturn();
        assertThat(pdfText(result)).contains(acmeIso.reference());
        mvc.perform(get("/engagements/{id}/exports/soa.pdf", acmeIso.id()).with(user(users.get("globex"))))
                .andExpect(status().isNotFound());
    }
}
