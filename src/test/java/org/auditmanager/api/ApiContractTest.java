package org.auditmanager.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.auditmanager.DemoUsers;
import org.auditmanager.catalog.Catalog;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.engagement.Engagements;
import org.auditmanager.security.AuthenticatedUser;
import org.auditmanager.soa.ImplementationStatus;
import org.auditmanager.soa.SoaEntry;
import org.auditmanager.soa.StatementsOfApplicability;
import org.auditmanager.tasks.TaskFilter;
import org.auditmanager.tasks.TaskLists;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The OpenAPI description against the running application: every /api handler is documented, every documented
 * operation exists, documents its problem answers, and every documented GET answers as documented for callers
 * who may use it and for callers who may not. Endpoints added later are caught here; each failure names the
 * endpoint and what it lacks.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("demo")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiContractTest {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");
    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    /** GETs only an admin may call; every other GET is open to any signed-in user, with tenancy where it applies. */
    private static final Set<String> ADMIN_ONLY = Set.of("/api/audit-trail/verify", "/api/admin/access-review",
            // managers' pages for contracted auditors: a client is refused like for the admin-only ones
            "/api/external-auditors", "/api/external-auditors/{username}");
    /** Path segments before a variable that name a record of one organisation: foreign ones answer 404. */
    private static final Set<String> TENANT_RECORDS = Set.of("engagements", "organisations", "tasks",
            "evidence-requests");
    /** Query parameters an endpoint needs to answer 200 although the spec cannot mark them required. */
    private static final Map<String, String> SAMPLE_QUERIES = Map.of("/api/catalog/mappings", "from=CC6.1",
            "/api/engagements/{id}/what-if", "decisionDate=2027-01-15");
    /** Endpoints of one framework take the Acme engagement of that framework instead of the ISO one. */
    private static final Set<String> SOC2_PATHS = Set.of("/api/engagements/{id}/soc2");
    /**
     * Lists answered whole instead of paged, with the reason. Catalogue lists are bounded by the standards
     * themselves (93 controls, 61 criteria).
     */
    private static final Map<String, String> UNPAGED_LISTS = Map.of(
            "/api/catalog", "catalogue versions: a handful",
            "/api/catalog/iso27001/controls", "the 93 Annex A controls",
            "/api/catalog/iso27001/clauses", "clauses 4 to 10",
            "/api/catalog/soc2/criteria", "the 61 trust services criteria",
            "/api/organisations", "not paged yet: a client sees its own, auditors their teams' clients, managers all (to be paged)",
            "/api/admin/access-review", "not paged yet: one row per user, for an admin's review and its CSV (to be paged)",
            "/api/external-auditors", "not paged yet: the few contracted auditors a manager handles (to be paged)",
            "/api/evidence-requests/{id}/reuse-candidates", "the accepted evidence of mapped controls: a few versions");

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper objectMapper;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping handlerMapping;
    @Autowired Engagements engagements;
    @Autowired TaskLists tasks;
    @Autowired StatementsOfApplicability statements;
    @Autowired Catalog catalog;
    @Autowired DemoUsers users;
    @Autowired org.auditmanager.evidence.EvidenceRequests evidenceRequests;
    @Autowired org.auditmanager.evidence.EvidenceFiles evidenceFiles;
    @Autowired org.auditmanager.accessreview.ExternalAuditors externalAuditors;

    private JsonNode spec;
    /** Real ids of Acme's demo records, by the path segment before the variable. */
    private final Map<String, String> samples = new TreeMap<>();

    @BeforeAll
    void readTheSpecAndPickSamples() throws Exception {
        String body = mvc.perform(get("/v3/api-docs").with(user(users.get("manager"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        spec = objectMapper.readTree(body);
        // kept for readers and client generators
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/openapi.json"), objectMapper.writerWithDefaultPrettyPrinter().writeValueAsString(spec));

        AuthenticatedUser acme = users.get("acme");
        Engagement iso = engagements.visibleTo(acme, 0, 50).stream()
                .filter(engagement -> engagement.title().equals("ISO/IEC 27001 initial certification")).findFirst()
                .orElseThrow();
        if (statements.view(iso.id(), acme).current() == null) {
            statements.saveDraft(iso.id(), catalog.isoControls().stream().limit(3)
                    .map(control -> new SoaEntry(control.id(), true, null, ImplementationStatus.PLANNED)).toList(), acme);
        }
        samples.put("engagements", iso.id().toString());
        samples.put("organisations", iso.organisationId().toString());
        // a task offered to Acme itself, so that the client may open it too
        samples.put("tasks", tasks.list(acme, new TaskFilter(null, null, null, null, null), 0, 1)
                .items().get(0).id());
        samples.put("controls", "A.5.15");
        samples.put("soc2", engagements.visibleTo(acme, 0, 50).stream()
                .filter(engagement -> engagement.framework() == org.auditmanager.engagement.Framework.SOC2)
                .findFirst().orElseThrow().id().toString());
        // a shared evidence request of Acme's ISO engagement with one uploaded file
        AuthenticatedUser lead = users.get("lead");
        org.auditmanager.evidence.EvidenceRequest request = evidenceRequests.create(iso.id(),
                new org.auditmanager.evidence.NewEvidenceRequest("Access control policy", "The approved policy",
                        List.of("A.5.15"), null, java.time.LocalDate.now().plusDays(20), null, null,
                        java.time.LocalDate.now()), lead);
        evidenceRequests.share(List.of(request.id()), lead);
        samples.put("evidence-requests", request.id().toString());
        samples.put("files", evidenceFiles.upload(request.id(), "policy.txt", java.time.LocalDate.now(),
                new java.io.ByteArrayInputStream("Access control policy, version 3".getBytes()), acme).versionId().toString());
        samples.put("external-auditors", externalAuditors.create(new org.auditmanager.accessreview.NewExternalAuditor(
                iso.id(), "contract-auditor", "Casey Contractor", "casey@contractor.example", "a-long-password-1",
                java.time.LocalDate.now(), java.time.LocalDate.now().plusMonths(2)), users.get("manager")).username());
        samples.put("events", "suspend");
        // no GET names a token; anonymous calls to the others are refused before the id matters
        samples.put("tokens", UUID.randomUUID().toString());
    }

    @Test
    void everyApiHandlerIsDocumented() {
        Map<String, String> handlers = apiHandlers();
        Set<String> documented = documentedOperations();
        List<String> missing = handlers.keySet().stream().filter(operation -> !documented.contains(operation))
                .map(operation -> operation + " (" + handlers.get(operation) + ") is served but missing from "
                        + "/v3/api-docs; it must not be @Hidden and must live under /api/**")
                .toList();
        assertThat(missing).as("undocumented endpoints").isEmpty();
        assertThat(handlers).as("the handler list itself").containsKeys("GET /api/engagements", "POST /api/me/tokens");
    }

    @Test
    void everyDocumentedOperationHasAHandler() {
        Set<String> handlers = apiHandlers().keySet();
        assertThat(documentedOperations().stream().filter(operation -> !handlers.contains(operation))
                .map(operation -> operation + " is documented but nothing serves it").toList()).isEmpty();
    }

    @Test
    void everyOperationDocumentsItsProblemAnswersAsProblemJson() {
        List<String> problems = new ArrayList<>();
        forEachOperation((path, method, operation) -> {
            List<String> expected = new ArrayList<>(List.of("401", "403", "500"));
            if (path.contains("{")) {
                expected.add("404");
            }
            for (String status : expected) {
                JsonNode schema = operation.path("responses").path(status).path("content")
                        .path(MediaType.APPLICATION_PROBLEM_JSON_VALUE).path("schema").path("$ref");
                if (!PROBLEM_REF.equals(schema.asText())) {
                    problems.add("%s %s does not document %s as application/problem+json with the Problem schema"
                            .formatted(method, path, status));
                }
            }
            if (operation.path("responses").properties().stream().noneMatch(entry -> entry.getKey().startsWith("2"))) {
                problems.add("%s %s documents no success answer".formatted(method, path));
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void theSpecNamesBothWaysToSignInAndTheProblemSchema() {
        JsonNode schemes = spec.path("components").path("securitySchemes");
        assertThat(schemes.path(OpenApiConfig.BASIC).path("scheme").asText()).isEqualTo("basic");
        assertThat(schemes.path(OpenApiConfig.BEARER).path("scheme").asText()).isEqualTo("bearer");
        // two requirements, each alone enough: Basic or a token
        List<String> alternatives = new ArrayList<>();
        spec.path("security").forEach(requirement -> requirement.fieldNames().forEachRemaining(alternatives::add));
        assertThat(alternatives).containsExactly(OpenApiConfig.BASIC, OpenApiConfig.BEARER);
        assertThat(spec.path("components").path("schemas").path("Problem").path("properties").path("detail")
                .isMissingNode()).isFalse();
    }

    @Test
    void everyListIsPaged() {
        List<String> unpaged = new ArrayList<>();
        forEachOperation((path, method, operation) -> {
            JsonNode schema = operation.path("responses").path("200").path("content")
                    .path(MediaType.APPLICATION_JSON_VALUE).path("schema");
            if (method.equals("GET") && "array".equals(schema.path("type").asText()) && !UNPAGED_LISTS.containsKey(path)) {
                unpaged.add("GET " + path + " answers a bare list; answer a PageOf with page and size parameters");
            }
        });
        assertThat(unpaged).isEmpty();
    }

    @Test
    void theSpecAndSwaggerUiAreForSignedInUsersOnly() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isFound()).andExpect(redirectedUrlPattern("**/login"));
        mvc.perform(get("/swagger-ui.html")).andExpect(status().isFound()).andExpect(redirectedUrlPattern("**/login"));
        mvc.perform(get("/v3/api-docs").with(httpBasic("acme", "wrong"))).andExpect(status().isUnauthorized());
        // scripts read it with their credentials, people with their session
        mvc.perform(get("/v3/api-docs").with(httpBasic("acme", "acme"))).andExpect(status().isOk());
        mvc.perform(get("/swagger-ui/index.html").with(user(users.get("auditor")))).andExpect(status().isOk());
    }

    @TestFactory
    Stream<DynamicTest> everyGetAnswersAsDocumentedToCallersWhoMayUseIt() {
        return documentedGets().flatMap(path -> Stream.of("admin", "acme")
                .filter(caller -> !(caller.equals("acme") && ADMIN_ONLY.contains(path)))
                .map(caller -> DynamicTest.dynamicTest("GET " + path + " as " + caller, () -> {
                    MockHttpServletResponse response = call(path, caller);
                    assertThat(response.getStatus()).as("GET %s as %s: %s", path, caller, response.getContentAsString())
                            .isBetween(200, 299);
                    assertAsDocumented("GET", path, response, caller);
                })));
    }

    /** Every operation, whatever its method: credentials are checked before anything else is read. */
    @TestFactory
    Stream<DynamicTest> everyOperationRefusesAnonymousCallers() {
        List<DynamicTest> tests = new ArrayList<>();
        forEachOperation((path, method, operation) -> tests.add(DynamicTest.dynamicTest(method + " " + path
                + " anonymously", () -> {
                    MockHttpServletResponse response = mvc.perform(request(HttpMethod.valueOf(method), concrete(path))
                            .contentType(MediaType.APPLICATION_JSON).content("{}")).andReturn().getResponse();
                    assertThat(response.getStatus()).as("%s %s anonymously", method, path).isEqualTo(401);
                    assertAsDocumented(method, path, response, "anonymous");
                })));
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyGetRefusesAClientOfAnotherOrganisation() {
        return documentedGets().filter(path -> refusalForAnotherClient(path) != null)
                .map(path -> DynamicTest.dynamicTest("GET " + path + " as globex", () -> {
                    MockHttpServletResponse response = call(path, "globex");
                    assertThat(String.valueOf(response.getStatus()))
                            .as("GET %s as a client of another organisation", path)
                            .isEqualTo(refusalForAnotherClient(path));
                    assertAsDocumented("GET", path, response, "globex");
                }));
    }

    /** 403 where only staff may go, 404 where the record is Acme's; null where any client may read it. */
    private static String refusalForAnotherClient(String path) {
        if (ADMIN_ONLY.contains(path)) {
            return "403";
        }
        Matcher variable = VARIABLE.matcher(path);
        return variable.find() && TENANT_RECORDS.contains(segmentBefore(path, variable.start())) ? "404" : null;
    }

    /** The status is one the operation documents, with a content type it documents for that status. */
    private void assertAsDocumented(String method, String path, MockHttpServletResponse response, String caller) {
        String status = String.valueOf(response.getStatus());
        JsonNode documented = spec.path("paths").path(path).path(method.toLowerCase()).path("responses").path(status);
        assertThat(documented.isMissingNode())
                .as("%s %s as %s answered %s, which the spec does not document", method, path, caller, status).isFalse();
        if (!documented.has("content") || response.getContentType() == null) {
            return;
        }
        MediaType actual = MediaType.parseMediaType(response.getContentType());
        List<String> types = new ArrayList<>();
        documented.path("content").fieldNames().forEachRemaining(types::add);
        assertThat(types.stream().map(MediaType::parseMediaType).anyMatch(type -> type.isCompatibleWith(actual)))
                .as("%s %s as %s answered %s as %s; documented: %s", method, path, caller, status, actual, types)
                .isTrue();
    }

    private MockHttpServletResponse call(String path, String caller) throws Exception {
        MockHttpServletRequestBuilder request = get(concrete(path)).with(httpBasic(caller, caller));
        return mvc.perform(request).andReturn().getResponse();
    }

    /** The documented path with Acme's real ids in place of its variables, and the query it needs. */
    private String concrete(String path) {
        Matcher variable = VARIABLE.matcher(path);
        StringBuilder concrete = new StringBuilder();
        while (variable.find()) {
            String segment = SOC2_PATHS.contains(path) ? "soc2" : segmentBefore(path, variable.start());
            String sample = samples.get(segment);
            assertThat(sample).as("no sample id for {%s} after /%s/ in %s: add one to the samples of this test",
                    variable.group(1), segment, path).isNotNull();
            variable.appendReplacement(concrete, Matcher.quoteReplacement(sample));
        }
        variable.appendTail(concrete);
        String query = SAMPLE_QUERIES.get(path);
        return query == null ? concrete.toString() : concrete + "?" + query;
    }

    private static String segmentBefore(String path, int variableStart) {
        String before = path.substring(0, variableStart - 1);
        return before.substring(before.lastIndexOf('/') + 1);
    }

    private Stream<String> documentedGets() {
        List<String> gets = new ArrayList<>();
        forEachOperation((path, method, operation) -> {
            if (method.equals("GET")) {
                gets.add(path);
            }
        });
        return gets.stream();
    }

    /** "GET /api/engagements/{id}" → the controller method, for every handler under /api. */
    private Map<String, String> apiHandlers() {
        Map<String, String> handlers = new TreeMap<>();
        handlerMapping.getHandlerMethods().forEach((RequestMappingInfo info, org.springframework.web.method.HandlerMethod method) -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                String name = method.getBeanType().getSimpleName() + "#" + method.getMethod().getName();
                String normalised = VARIABLE.matcher(pattern).replaceAll("{$1}");
                if (methods.isEmpty()) {
                    handlers.put("ANY " + normalised, name + " answers every HTTP method; name one");
                }
                methods.forEach(http -> handlers.put(http.name() + " " + normalised, name));
            }
        });
        return handlers;
    }

    private Set<String> documentedOperations() {
        Set<String> operations = new TreeSet<>();
        forEachOperation((path, method, operation) -> operations.add(method + " " + path));
        return operations;
    }

    private interface OperationVisitor {
        void visit(String path, String method, JsonNode operation);
    }

    private void forEachOperation(OperationVisitor visitor) {
        spec.path("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
            if (Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace").contains(method.getKey())) {
                visitor.visit(path.getKey(), method.getKey().toUpperCase(), method.getValue());
            }
        }));
    }
}
