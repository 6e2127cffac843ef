package org.auditmanager.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.auditmanager.catalog.Catalog;
import org.auditmanager.catalog.CatalogItem;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.engagement.EngagementKind;
import org.auditmanager.engagement.Engagements;
import org.auditmanager.engagement.Framework;
import org.auditmanager.engagement.NewEngagement;
import org.auditmanager.organisation.Organisations;
import org.auditmanager.security.AuthenticatedUser;
import org.auditmanager.security.UserAccounts;
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
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Generated PBC lists and reuse of accepted evidence across an organisation's ISO and SOC 2 engagements, on
 * fresh engagements of the demo organisations so that tests do not see each other's requests. The current
 * mapping links A.5.15 to CC6.1 (a representative row of source S43, "equivalent") and to CC6.2 (intuitem's roll-up).
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("demo")
class EvidenceReuseTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper objectMapper;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Engagements engagements;
    @Autowired
    Organisations organisations;
    @Autowired
    UserAccounts users;
    @Autowired
    Catalog catalog;

    @Test
    void theCatalogueMapsTheCriterionOfTheReuseScenarioToTheIsoControl() {
        assertThat(catalog.mappedIsoControls("CC6.1")).extracting(CatalogItem::id).contains("A.5.15");
        assertThat(catalog.mappedIsoControls("CC6.2")).extracting(CatalogItem::id).contains("A.5.15");
        assertThat(catalog.mappedIsoControls("CC1.2")).extracting(CatalogItem::id).doesNotContain("A.5.15");
    }

    @Test
    void offersAcceptedIsoEvidenceToTheMappedSoc2RequestWhichReusesTheStoredBytes() throws Exception {
        Engagement iso = acmeIso();
        Engagement soc2 = acmeSoc2();
        byte[] bytes = ("%PDF-1.7\naccess control policy " + UUID.randomUUID() + "\n%%EOF")
                .getBytes(StandardCharsets.UTF_8);
        UUID isoVersion = acceptedEvidence(iso, "A.5.15", bytes, "access-policy.pdf");
        UUID socRequest = shared(soc2, "Logical access security", "CC6.1");
        UUID unrelated = shared(soc2, "Board oversight", "CC1.2");

        mvc.perform(get("/api/evidence-requests/{id}/reuse-candidates", socRequest).with(acme()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.versionId == '%s')].sourceEngagementReference".formatted(isoVersion))
                        .value(iso.reference()))
                .andExpect(jsonPath("$.items[?(@.versionId == '%s')].sourceControlIds[0]".formatted(isoVersion))
                        .value("A.5.15"));
        assertThat(candidates(unrelated, acme())).doesNotContain(isoVersion.toString());

        JsonNode reused = json(mvc.perform(json(post("/api/evidence-requests/{id}/reuse", socRequest),
                        "{\"versionId\":\"" + isoVersion + "\"}").with(acme()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.filename").value("access-policy.pdf"))
                .andExpect(jsonPath("$.reusedFrom").value(isoVersion.toString()))
                .andReturn());
        assertThat(reused.path("sha256").asText()).isEqualTo(sha256(bytes));
        assertThat(count("select count(*) from evidence_content where sha256 = '" + sha256(bytes) + "'")).isOne();
        assertThat(count("select count(*) from evidence_file where sha256 = '" + sha256(bytes) + "'")).isEqualTo(2);
        mvc.perform(get("/api/evidence-requests/{id}/files/{v}", socRequest, reused.path("versionId").asText())
                .with(lead())).andExpect(status().isOk())
                .andExpect(content().bytes(bytes));

        // reusing is not handing over: the request stays with the client until "Provide evidence" is completed
        mvc.perform(get("/api/evidence-requests/{id}", socRequest).with(acme()))
                .andExpect(jsonPath("$.request.status").value("OPEN"))
                .andExpect(jsonPath("$.thread[0].kind").value("REUSED"))
                .andExpect(jsonPath("$.thread[0].body").value(containsString(iso.reference() + " PBC-001")));
        mvc.perform(post("/api/evidence-requests/{id}/submit", socRequest).with(acme()))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/evidence-requests/{id}", socRequest).with(lead()))
                .andExpect(jsonPath("$.request.status").value("SUBMITTED"));

        // another organisation is offered nothing and learns nothing
        mvc.perform(get("/api/evidence-requests/{id}/reuse-candidates", socRequest).with(globex()))
                .andExpect(status().isNotFound());
        mvc.perform(json(post("/api/evidence-requests/{id}/reuse", socRequest),
                "{\"versionId\":\"" + isoVersion + "\"}").with(globex())).andExpect(status().isNotFound());
        UUID globexRequest = shared(globexSoc2(), "Globex user registration", "CC6.2");
        assertThat(candidates(globexRequest, globex())).doesNotContain(isoVersion.toString());
        mvc.perform(json(post("/api/evidence-requests/{id}/reuse", globexRequest),
                "{\"versionId\":\"" + isoVersion + "\"}").with(globex())).andExpect(status().isNotFound());
    }

    @Test
    void offersNothingFromARequestThatIsNotAccepted() throws Exception {
        Engagement iso = acmeIso();
        UUID isoRequest = shared(iso, "Access control policy draft", "A.5.15");
        UUID isoVersion = versionId(mvc.perform(upload(isoRequest, pdf("draft policy"), "policy.pdf").with(acme()))
                .andReturn());
        UUID socRequest = shared(acmeSoc2(), "User registration", "CC6.2");

        assertThat(candidates(socRequest, acme())).doesNotContain(isoVersion.toString());
        mvc.perform(json(post("/api/evidence-requests/{id}/reuse", socRequest),
                "{\"versionId\":\"" + isoVersion + "\"}").with(acme())).andExpect(status().isNotFound());
    }

    @Test
    void generatesOneDraftPerCriterionInScopeAndNothingTheSecondTime() throws Exception {
        Engagement soc2 = acmeSoc2();
        int criteria = catalog.criteria(Set.of("Security")).size();

        mvc.perform(post("/api/engagements/{id}/evidence-requests/generate", soc2.id()).with(lead()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.added").value(criteria));
        mvc.perform(post("/api/engagements/{id}/evidence-requests/generate", soc2.id()).with(lead()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.added").value(0));

        JsonNode list = json(mvc.perform(get("/api/engagements/{id}/evidence-requests", soc2.id())
                .param("size", "100").with(lead())).andReturn());
        assertThat(list.path("total").asInt(list.path("items").size())).isEqualTo(criteria);
        JsonNode first = list.path("items").get(0);
        assertThat(first.path("status").asText()).isEqualTo("DRAFT");
        assertThat(first.path("controlIds").get(0).asText()).isEqualTo("CC1.1");
        assertThat(first.path("description").asText())
                .isEqualTo("Provide evidence that commitment to integrity and ethical values (CC1.1) is in place "
                        + "and operating.");
        mvc.perform(post("/api/engagements/{id}/evidence-requests/generate", soc2.id()).with(acme()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/engagements/{id}/evidence-requests/generate", soc2.id()).with(globex()))
                .andExpect(status().isNotFound());
    }

    @Test
    void generatesOneDraftPerApplicableControlOfTheApprovedSoaOnly() throws Exception {
        Engagement iso = acmeIso();
        mvc.perform(post("/api/engagements/{id}/evidence-requests/generate", iso.id()).with(lead()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("no approved Statement of Applicability")));

        create(iso, "Existing access control request", "A.5.15");
        List<Map<String, Object>> decisions = new ArrayList<>();
        for (CatalogItem control : catalog.isoControls()) {
            decisions.add(control.group().equals("Physical")
                    ? Map.of("controlId", control.id(), "applicable", false, "justification", "No premises.")
                    : Map.of("controlId", control.id(), "applicable", true, "implementationStatus", "IMPLEMENTED"));
        }
        mvc.perform(put("/api/engagements/{id}/soa/draft", iso.id()).with(acme())
                .contentType(MediaType.APPLICATION_JSON).content(objectMapper.writeValueAsString(decisions)))
                .andExpect(status().isOk());
        mvc.perform(post("/api/engagements/{id}/soa/submit", iso.id()).with(acme())).andExpect(status().isOk());
        mvc.perform(post("/api/engagements/{id}/soa/approve", iso.id()).with(lead())).andExpect(status().isOk());
        int applicable = (int) catalog.isoControls().stream().filter(c -> !c.group().equals("Physical")).count();

        mvc.perform(post("/api/engagements/{id}/evidence-requests/generate", iso.id()).with(lead()))
                .andExpect(jsonPath("$.added").value(applicable - 1));
        assertThat(count("select count(*) from evidence_request_control c join evidence_request r"
                + " on r.id = c.request_id where r.engagement_id = '" + iso.id() + "' and c.control_id = 'A.5.15'"))
                .as("the existing request covers A.5.15").isOne();
        assertThat(count("select count(*) from evidence_request_control c join evidence_request r"
                + " on r.id = c.request_id where r.engagement_id = '" + iso.id() + "' and c.control_id = 'A.7.1'"))
                .as("physical controls are excluded").isZero();
    }

    @Test
    void theListPageGeneratesDraftsForStaffAndSaysHowMany() throws Exception {
        Engagement soc2 = acmeSoc2();
        int criteria = catalog.criteria(Set.of("Security")).size();
        mvc.perform(get("/engagements/{id}/requests", soc2.id()).with(user(principal("lead"))))
                .andExpect(content().string(containsString("Generate requests from scope")));
        mvc.perform(get("/engagements/{id}/requests", soc2.id()).with(user(principal("acme"))))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Generate requests"))));

        mvc.perform(post("/engagements/{id}/requests/generate", soc2.id()).with(user(principal("lead"))))
                .andExpect(status().isForbidden());
        mvc.perform(post("/engagements/{id}/requests/generate", soc2.id()).with(user(principal("lead"))).with(csrf()))
                .andExpect(redirectedUrl("/engagements/" + soc2.id() + "/requests"))
                .andExpect(flash().attribute("flash", criteria + " draft requests added."));
        mvc.perform(post("/engagements/{id}/requests/generate", soc2.id()).with(user(principal("lead"))).with(csrf()))
                .andExpect(flash().attribute("flash", "No request added: every control in scope already has one."));
    }

    @Test
    void theRequestPageOffersAcceptedEvidenceAndReusesItWithOneButton() throws Exception {
        UUID isoVersion = acceptedEvidence(acmeIso(), "A.5.15", pdf("access control policy"), "access-policy.pdf");
        UUID socRequest = shared(acmeSoc2(), "User registration", "CC6.2");

        mvc.perform(get("/evidence-requests/{id}", socRequest).with(user(principal("acme"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Reuse accepted evidence")))
                .andExpect(content().string(containsString(isoVersion.toString())));
        mvc.perform(post("/evidence-requests/{id}/reuse", socRequest).param("versionId", isoVersion.toString())
                        .with(user(principal("acme"))).with(csrf()))
                .andExpect(redirectedUrl("/evidence-requests/" + socRequest))
                .andExpect(flash().attribute("flash", containsString("added as a new version")));
        assertThat(count("select count(*) from evidence_file where request_id = '" + socRequest
                + "' and reused_from = '" + isoVersion + "'")).isOne();
        mvc.perform(get("/evidence-requests/{id}", socRequest).with(user(principal("acme"))))
                .andExpect(content().string(containsString("reused accepted evidence")));
    }

    /** A shared request of the engagement linked to the control, with the file uploaded, handed over and accepted. */
    private UUID acceptedEvidence(Engagement engagement, String control, byte[] bytes, String filename)
            throws Exception {
        UUID request = shared(engagement, "Access control policy", control);
        UUID version = versionId(mvc.perform(upload(request, bytes, filename).with(acme()))
                .andExpect(status().isCreated()).andReturn());
        mvc.perform(post("/api/evidence-requests/{id}/submit", request).with(acme()))
                .andExpect(status().isNoContent());
        mvc.perform(json(post("/api/evidence-requests/{id}/review", request), "{\"decision\":\"accept\"}")
                .with(lead())).andExpect(status().isNoContent());
        return version;
    }

    private Engagement acmeIso() {
        return engagements.create(new NewEngagement(organisation("Acme Cloud Ltd"), Framework.ISO27001,
                EngagementKind.CERTIFICATION_CYCLE, "ISO/IEC 27001 reuse test", "Cloud platform", "lead", List.of(),
                "reviewer", null, null, null, null, null), principal("manager"));
    }

    private Engagement acmeSoc2() {
        return soc2("Acme Cloud Ltd", "lead");
    }

    private Engagement globexSoc2() {
        return soc2("Globex Corp", "auditor");
    }

    private Engagement soc2(String organisation, String lead) {
        return engagements.create(new NewEngagement(organisation(organisation), Framework.SOC2, EngagementKind.TYPE_I,
                "SOC 2 Type I reuse test", "Customer platform", lead, List.of(), null, "reviewer",
                LocalDate.now().plusMonths(2), null, null, Set.of("Security")), principal("manager"));
    }

    private UUID create(Engagement engagement, String title, String control) throws Exception {
        String lead = engagement.leadAuditor();
        return UUID.fromString(json(mvc.perform(json(post("/api/engagements/{id}/evidence-requests", engagement.id()),
                        objectMapper.writeValueAsString(Map.of("title", title, "controlIds", List.of(control),
                                "dueDate", LocalDate.now().plusDays(30).toString(),
                                "asOfDate", LocalDate.now().toString())))
                .with(httpBasic(lead, lead))).andExpect(status().isCreated()).andReturn()).path("id").asText());
    }

    private UUID shared(Engagement engagement, String title, String control) throws Exception {
        UUID request = create(engagement, title, control);
        String lead = engagement.leadAuditor();
        mvc.perform(post("/api/evidence-requests/{id}/share", request).with(httpBasic(lead, lead)))
                .andExpect(status().isOk());
        return request;
    }

    private List<String> candidates(UUID request, RequestPostProcessor user) throws Exception {
        List<String> versions = new ArrayList<>();
        json(mvc.perform(get("/api/evidence-requests/{id}/reuse-candidates", request).with(user))
                .andExpect(status().isOk()).andReturn()).path("items")
                .forEach(candidate -> versions.add(candidate.path("versionId").asText()));
        return versions;
    }

    private static MockHttpServletRequestBuilder upload(UUID request, byte[] bytes, String filename) {
        return multipart("/api/evidence-requests/{id}/files", request)
                .file(new MockMultipartFile("file", filename, "application/pdf", bytes));
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static byte[] pdf(String text) {
        return ("%PDF-1.7\n" + text + " " + UUID.randomUUID() + "\n%%EOF").getBytes(StandardCharsets.UTF_8);
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

    private AuthenticatedUser principal(String username) {
        return (AuthenticatedUser) users.loadUserByUsername(username);
    }

    private UUID organisation(String name) {
        return organisations.findByName(name).orElseThrow().id();
    }

    private static RequestPostProcessor acme() {
        return httpBasic("acme", "acme");
    }

    private static RequestPostProcessor globex() {
        return httpBasic("globex", "globex");
    }

    private static RequestPostProcessor lead() {
        return httpBasic("lead", "lead");
    }
}
