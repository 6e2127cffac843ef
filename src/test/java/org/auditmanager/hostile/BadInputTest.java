package org.auditmanager.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.auditmanager.DemoUsers;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.engagement.Engagements;
import org.auditmanager.organisation.Organisations;
import org.auditmanager.tasks.TaskFilter;
import org.auditmanager.tasks.TaskLists;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Malformed and hostile API requests, one table: each must answer a 4xx problem with a readable reason, never a
 * 500, and must leave every table exactly as it was.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("demo")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {

    /** One hostile request: who sends what where, and the status it must get. */
    record Case(String name, HttpMethod method, String path, String user, String body, int status) {
        @Override
        public String toString() {
            return status + " " + method + " " + path + " as " + user + ": " + name;
        }
    }

    private static final List<String> TABLES = List.of("organisation", "app_user", "app_user_role", "engagement",
            "engagement_member", "engagement_milestone", "task_submission", "audit_trail", "ACT_RU_TASK",
            "ACT_RU_EXECUTION", "ACT_RU_VARIABLE", "ACT_HI_TASKINST");

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired Engagements engagements;
    @Autowired Organisations organisations;
    @Autowired TaskLists taskLists;
    @Autowired DemoUsers users;

    private final Map<String, String> ids = new LinkedHashMap<>();

    @BeforeAll
    void realIds() {
        ids.put("{acme}", organisations.findByName("Acme Cloud Ltd").orElseThrow().id().toString());
        ids.put("{globex}", organisations.findByName("Globex Corp").orElseThrow().id().toString());
        Engagement acmeEngagement = engagements.visibleTo(users.get("acme"), 0, 1).get(0);
        ids.put("{acmeEngagement}", acmeEngagement.id().toString());
        ids.put("{acmeTask}", taskLists.list(users.get("acme"), TaskFilter.NONE, 0, 1).items().get(0).id());
        ids.put("{globexEngagement}", engagements.visibleTo(users.get("globex"), 0, 1).get(0).id().toString());
    }

    private static final String ISO = """
            {"organisationId": "{acme}", "framework": "ISO27001", "kind": "CERTIFICATION_CYCLE", "title": "t",
             "scope": "s", "leadAuditor": "lead" %s}""";
    private static final String SOC2 = """
            {"organisationId": "{acme}", "framework": "SOC2", "kind": "%s", "title": "t", "scope": "s",
             "leadAuditor": "lead" %s}""";

    static Stream<Case> cases() {
        List<Case> all = new ArrayList<>();
        // broken JSON on every endpoint that takes a body
        List<String> broken = List.of("{", "}", "{\"title\": }", "[1,2", "\"just a string", "{\"a\":1}}", "nul",
                "{'single': 'quotes'}", "{\"title\": \"unterminated}", "\u0000\u0001");
        for (String body : broken) {
            all.add(new Case("broken JSON " + body.strip(), HttpMethod.POST, "/api/engagements", "manager", body, 400));
            all.add(new Case("broken JSON " + body.strip(), HttpMethod.POST, "/api/organisations", "manager", body, 400));
            all.add(new Case("broken JSON " + body.strip(), HttpMethod.POST, "/api/tasks/{acmeTask}/complete", "acme", body, 400));
        }
        // wrong types
        for (String field : List.of("\"organisationId\": 42", "\"organisationId\": \"not-a-uuid\"", "\"framework\": 3",
                "\"framework\": \"PCI-DSS\"", "\"kind\": [\"TYPE_I\"]", "\"kind\": \"TYPE_III\"",
                "\"asOfDate\": \"31/12/2026\"", "\"periodStart\": 20260101", "\"auditTeam\": \"lead\"",
                "\"tscCategories\": {\"Security\": true}", "\"periodEnd\": \"2026-02-30\"", "\"auditTeam\": [[\"x\"]]")) {
            all.add(new Case("wrong type " + field, HttpMethod.POST, "/api/engagements", "manager",
                    "{" + field + "}", 400));
        }
        for (String field : List.of("\"personsInScope\": \"many\"", "\"personsInScope\": 1.5e400", "\"sites\": \"HQ\"",
                "\"name\": {\"first\": \"x\"}", "\"personsInScope\": [1]")) {
            all.add(new Case("wrong type " + field, HttpMethod.POST, "/api/organisations", "manager",
                    "{\"name\": \"N\", " + field + "}", 400));
        }
        // missing fields
        for (String drop : List.of("organisationId", "framework", "kind", "title", "scope", "leadAuditor")) {
            String body = ISO.formatted("").replaceAll("\"" + drop + "\": \"[^\"]*\",?", "");
            all.add(new Case("missing " + drop, HttpMethod.POST, "/api/engagements", "manager", body, 400));
        }
        all.add(new Case("empty object", HttpMethod.POST, "/api/engagements", "manager", "{}", 400));
        all.add(new Case("no body", HttpMethod.POST, "/api/engagements", "manager", "", 400));
        all.add(new Case("missing name", HttpMethod.POST, "/api/organisations", "manager", "{\"personsInScope\": 5}", 400));
        all.add(new Case("blank name", HttpMethod.POST, "/api/organisations", "manager", "{\"name\": \"   \"}", 400));
        all.add(new Case("zero persons", HttpMethod.POST, "/api/organisations", "manager", "{\"name\": \"Z\", \"personsInScope\": 0}", 400));
        all.add(new Case("negative persons", HttpMethod.POST, "/api/organisations", "manager", "{\"name\": \"Z\", \"personsInScope\": -7}", 400));
        all.add(new Case("name too long", HttpMethod.POST, "/api/organisations", "manager", "{\"name\": \"" + "n".repeat(201) + "\"}", 400));
        all.add(new Case("duplicate name", HttpMethod.POST, "/api/organisations", "manager", "{\"name\": \"Acme Cloud Ltd\"}", 409));
        all.add(new Case("too many sites", HttpMethod.POST, "/api/organisations", "manager",
                "{\"name\": \"Z\", \"sites\": [" + "\"s\",".repeat(50) + "\"s\"]}", 400));
        // rules across fields
        for (String[] rule : new String[][] {
                {"TYPE_II", ", \"periodStart\": \"2026-06-30\", \"periodEnd\": \"2026-01-01\""},
                {"TYPE_II", ", \"periodStart\": \"2026-01-01\", \"periodEnd\": \"2026-01-01\""},
                {"TYPE_II", ", \"periodStart\": \"2026-01-01\", \"periodEnd\": \"2026-02-28\""},
                {"TYPE_II", ", \"periodStart\": \"2026-01-01\", \"periodEnd\": \"2027-01-01\""},
                {"TYPE_II", ", \"periodStart\": \"2026-01-01\""},
                {"TYPE_II", ""},
                {"TYPE_I", ""},
                {"TYPE_I", ", \"asOfDate\": \"2026-06-30\", \"periodStart\": \"2026-01-01\""},
                {"TYPE_I", ", \"asOfDate\": \"2026-06-30\", \"tscCategories\": [\"Availability\"]"},
                {"TYPE_I", ", \"asOfDate\": \"2026-06-30\", \"tscCategories\": [\"Security\", \"Quantum\"]"},
                {"TYPE_I", ", \"asOfDate\": \"2026-06-30\", \"qualityReviewer\": \"lead\""},
                {"TYPE_I", ", \"asOfDate\": \"2026-06-30\", \"qualityReviewer\": \"acme\""},
                {"CERTIFICATION_CYCLE", ", \"asOfDate\": \"2026-06-30\""}}) {
            all.add(new Case("rule " + rule[0] + rule[1], HttpMethod.POST, "/api/engagements", "manager",
                    SOC2.formatted(rule[0], rule[1]), 400));
        }
        for (String extra : List.of(", \"decisionMaker\": \"lead\"", ", \"auditTeam\": [\"acme\"]",
                ", \"auditTeam\": [\"nobody\"]", ", \"decisionMaker\": \"auditor\"", ", \"asOfDate\": \"2026-01-01\"",
                ", \"periodStart\": \"2026-01-01\", \"periodEnd\": \"2026-12-31\"", ", \"tscCategories\": [\"Security\"]",
                ", \"auditTeam\": [" + "\"auditor\",".repeat(20) + "\"auditor\"]")) {
            all.add(new Case("rule ISO" + extra, HttpMethod.POST, "/api/engagements", "manager", ISO.formatted(extra), 400));
        }
        all.add(new Case("unknown lead auditor", HttpMethod.POST, "/api/engagements", "manager",
                ISO.formatted("").replace("\"lead\"", "\"ghost\""), 400));
        all.add(new Case("client as lead auditor", HttpMethod.POST, "/api/engagements", "manager",
                ISO.formatted("").replace("\"lead\"", "\"acme\""), 400));
        all.add(new Case("title too long", HttpMethod.POST, "/api/engagements", "manager",
                ISO.formatted("").replace("\"t\"", "\"" + "t".repeat(201) + "\""), 400));
        all.add(new Case("scope too long", HttpMethod.POST, "/api/engagements", "manager",
                ISO.formatted("").replace("\"s\"", "\"" + "s".repeat(4001) + "\""), 400));
        all.add(new Case("unknown organisation", HttpMethod.POST, "/api/engagements", "manager",
                ISO.formatted("").replace("{acme}", UUID.randomUUID().toString()), 404));
        // foreign and unknown ids
        for (String user : List.of("acme", "lead")) {
            all.add(new Case("foreign engagement", HttpMethod.GET, "/api/engagements/{globexEngagement}", user, null, 404));
            all.add(new Case("foreign trail", HttpMethod.GET, "/api/engagements/{globexEngagement}/audit-trail", user, null, 404));
        }
        for (String user : List.of("globex", "reviewer", "auditor")) {
            all.add(new Case("foreign task", HttpMethod.GET, "/api/tasks/{acmeTask}", user, null,
                    user.equals("globex") || user.equals("auditor") ? 404 : 200));
        }
        all.removeIf(c -> c.status() == 200);
        all.add(new Case("foreign task claim", HttpMethod.POST, "/api/tasks/{acmeTask}/claim", "globex", null, 404));
        all.add(new Case("foreign task unclaim", HttpMethod.POST, "/api/tasks/{acmeTask}/unclaim", "globex", null, 404));
        all.add(new Case("foreign task complete", HttpMethod.POST, "/api/tasks/{acmeTask}/complete", "globex", "{}", 404));
        all.add(new Case("foreign organisation", HttpMethod.GET, "/api/organisations/{acme}", "globex", null, 404));
        all.add(new Case("task list of a foreign engagement", HttpMethod.GET, "/api/tasks?engagementId={globexEngagement}",
                "acme", null, 200));
        all.removeIf(c -> c.status() == 200);
        for (String path : List.of("/api/engagements/" + UUID.randomUUID(), "/api/organisations/" + UUID.randomUUID(),
                "/api/tasks/no-such-task", "/api/tasks/" + UUID.randomUUID(), "/api/engagements/" + UUID.randomUUID() + "/audit-trail")) {
            all.add(new Case("unknown id", HttpMethod.GET, path, "manager", null, 404));
        }
        for (String path : List.of("/api/tasks/no-such-task/claim", "/api/tasks/no-such-task/unclaim",
                "/api/tasks/no-such-task/complete")) {
            all.add(new Case("unknown task", HttpMethod.POST, path, "acme", "{}", 404));
        }
        for (String path : List.of("/api/engagements/not-a-uuid", "/api/organisations/12", "/api/engagements/' or 1=1--",
                "/api/engagements/%2e%2e/%2e%2e/etc/passwd", "/api/engagements/..%2f..%2fetc",
                "/api/engagements/not-a-uuid/audit-trail")) {
            all.add(new Case("malformed id", HttpMethod.GET, path, "manager", null, 400));
        }
        // paging and filters
        for (String query : List.of("page=-1", "size=0", "size=201", "size=abc", "page=1.5", "size=-5", "page=99999999999")) {
            all.add(new Case("paging " + query, HttpMethod.GET, "/api/engagements?" + query, "manager", null, 400));
            all.add(new Case("paging " + query, HttpMethod.GET, "/api/tasks?" + query, "acme", null, 400));
        }
        for (String query : List.of("assignment=everyone", "overdue=maybe", "dueWithinDays=soon", "engagementId=42")) {
            all.add(new Case("filter " + query, HttpMethod.GET, "/api/tasks?" + query, "acme", null, 400));
        }
        // task forms: every rule of the schema, and hostile values
        String contacts = "\"contactName\": \"Carl\", \"contactEmail\": \"carl@acme.example\", \"fieldworkModes\": [\"remote\"], \"auditLanguage\": \"en\"";
        for (String bad : List.of("\"contactName\": \"\"", "\"contactName\": \"C\"", "\"contactName\": \"" + "c".repeat(201) + "\"",
                "\"contactEmail\": \"carl\"", "\"contactEmail\": \"<script>@x\"", "\"contactPhone\": \"call me\"",
                "\"fieldworkModes\": [\"teleport\"]", "\"fieldworkModes\": []", "\"auditLanguage\": \"tlh\"",
                "\"auditLanguage\": \"' or 1=1 --\"", "\"contactEmail\": null")) {
            String key = bad.substring(1, bad.indexOf('"', 1));
            String body = "{" + contacts.replaceAll("\"" + key + "\": (\\[[^]]*]|\"[^\"]*\")", bad) + "}";
            if (!body.contains(bad)) {
                body = "{" + contacts + ", " + bad + "}";
            }
            all.add(new Case("form " + bad, HttpMethod.POST, "/api/tasks/{acmeTask}/complete", "acme", body, 400));
        }
        // roles
        for (String user : List.of("acme", "globex", "lead", "auditor", "reviewer")) {
            all.add(new Case("role may not create", HttpMethod.POST, "/api/engagements", user, ISO.formatted(""), 403));
            all.add(new Case("role may not create", HttpMethod.POST, "/api/organisations", user, "{\"name\": \"New\"}", 403));
            all.add(new Case("role may not verify", HttpMethod.GET, "/api/audit-trail/verify", user, null, 403));
        }
        all.add(new Case("staff not candidate", HttpMethod.POST, "/api/tasks/{acmeTask}/claim", "manager", null, 403));
        // anonymous and wrong credentials
        for (String path : List.of("/api/me", "/api/engagements", "/api/tasks", "/api/organisations", "/api/audit-trail/verify")) {
            all.add(new Case("anonymous", HttpMethod.GET, path, null, null, 401));
            all.add(new Case("wrong password", HttpMethod.GET, path, "acme:wrong", null, 401));
        }
        all.add(new Case("unknown user", HttpMethod.GET, "/api/me", "mallory:mallory", null, 401));
        // content types and methods
        all.add(new Case("form-encoded body", HttpMethod.POST, "/api/engagements", "manager", "FORM:title=x", 415));
        all.add(new Case("XML body", HttpMethod.POST, "/api/organisations", "manager", "XML:<name>x</name>", 415));
        all.add(new Case("DELETE not offered", HttpMethod.DELETE, "/api/engagements/{acmeEngagement}", "manager", null, 405));
        all.add(new Case("PUT not offered", HttpMethod.PUT, "/api/organisations/{acme}", "manager", "{}", 405));
        all.add(new Case("unknown endpoint", HttpMethod.GET, "/api/nothing-here", "manager", null, 404));
        return all.stream();
    }

    private Map<String, Integer> rowCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        TABLES.forEach(table -> counts.put(table, jdbc.sql("select count(*) from " + table).query(Integer.class).single()));
        return counts;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answersA4xxWithAReasonAndChangesNothing(Case hostile) throws Exception {
        Map<String, Integer> before = rowCounts();
        String path = hostile.path();
        String body = hostile.body();
        for (Map.Entry<String, String> id : ids.entrySet()) {
            path = path.replace(id.getKey(), id.getValue());
            body = body == null ? null : body.replace(id.getKey(), id.getValue());
        }
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(hostile.method(), path);
        if (hostile.user() != null) {
            String[] credentials = hostile.user().split(":");
            request.with(httpBasic(credentials[0], credentials.length > 1 ? credentials[1] : credentials[0]));
        }
        if (body != null && body.startsWith("FORM:")) {
            request.contentType(MediaType.APPLICATION_FORM_URLENCODED).content(body.substring(5));
        } else if (body != null && body.startsWith("XML:")) {
            request.contentType(MediaType.APPLICATION_XML).content(body.substring(4));
        } else if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }

        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();

        assertThat(response.getStatus()).as(hostile + " → " + response.getContentAsString()).isEqualTo(hostile.status());
        assertThat(response.getContentType()).as(hostile.toString()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(response.getContentAsString()).as(hostile.toString()).contains("\"detail\":\"")
                .doesNotContain("Exception").doesNotContain("at org.");
        assertThat(rowCounts()).as(hostile + ": the database is unchanged").isEqualTo(before);
    }

    @org.junit.jupiter.api.Test
    void theTableIsLargeEnough() {
        assertThat(cases().count()).isGreaterThanOrEqualTo(150);
    }
}
