package org.auditmanager.accessreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.auditmanager.AccessTestContext;
import org.auditmanager.DemoUsers;
import org.auditmanager.accessreview.DemoAccessMatrix.DemoEngagement;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.engagement.Engagements;
import org.auditmanager.security.AuthenticatedUser;
import org.auditmanager.security.Role;
import org.auditmanager.security.UserAccounts;
import org.auditmanager.timeline.CalendarFeeds;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * Users × engagements: every endpoint family the app has for an engagement answers 404 to anyone outside
 * it, exactly as for an id that does not exist, for every demo person and engagement (EndpointAccessMatrixTest
 * holds the endpoints, with ids under each engagement such as evidence files); lists, organisations and calendar
 * feeds show nothing more; and the access review lists exactly what this table proves.
 */
@AccessTestContext
class AccessMatrixTest {

    /** A path whose only variable is an engagement. */
    private static final Pattern ENGAGEMENT_ONLY = Pattern.compile("[^{]*\\{(soc2|iso)}[^{]*");

    @Autowired MockMvc mvc;
    @Autowired Engagements engagements;
    @Autowired DemoUsers users;
    @Autowired UserAccounts accounts;
    @Autowired ExternalAuditors externals;
    @Autowired TaskService taskService;
    @Autowired HistoryService historyService;
    @Autowired ObjectMapper json;
    @Autowired Clock clock;
    @Autowired CalendarFeeds feeds;

    @BeforeEach
    void externalAuditorOnGlobexIso() {
        DemoAccessMatrix.ensureExternal(externals, engagements, users.get("manager"), accounts, clock);
    }

    private int status(RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    private JsonNode body(RequestBuilder request) throws Exception {
        return json.readTree(mvc.perform(request).andReturn().getResponse().getContentAsString());
    }

    @Test
    void everyEndpointFamilyAnswers404OutsideOnesEngagementsAndNothingElseDoes() throws Exception {
        AuthenticatedUser manager = users.get("manager");
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Set<DemoEngagement>> row : DemoAccessMatrix.EVERYONE.entrySet()) {
            AuthenticatedUser person = users.get(row.getKey());
            for (DemoEngagement demo : DemoEngagement.values()) {
                Engagement engagement = demo.in(engagements, manager);
                boolean reaches = row.getValue().contains(demo);
                String cell = row.getKey() + " × " + demo + ": ";
                int expected = reaches ? 200 : 404;
                boolean listed = body(get("/api/engagements?size=50").with(user(person))).get("items").findValuesAsText("id")
                        .contains(engagement.id().toString());
                expect(wrong, cell + "listed by GET /api/engagements", listed ? 200 : 404, expected);
                if (!reaches) {
                    JsonNode filtered = body(get("/api/tasks?engagementId={id}", engagement.id()).with(user(person)));
                    JsonNode unknown = body(get("/api/tasks?engagementId={id}", UUID.randomUUID()).with(user(person)));
                    expect(wrong, cell + "GET /api/tasks?engagementId= looks like an unknown id",
                            filtered.equals(unknown) ? 404 : 200, 404);
                }
                Task open = taskService.createTaskQuery().processDefinitionKey("engagement-kickoff")
                        .processInstanceBusinessKey(engagement.reference()).singleResult();
                if (open != null && !reaches) {
                    String id = open.getId();
                    expect(wrong, cell + "GET /api/tasks/{id}", status(get("/api/tasks/{id}", id).with(user(person))), 404);
                    expect(wrong, cell + "POST /api/tasks/{id}/claim",
                            status(post("/api/tasks/{id}/claim", id).with(user(person))), 404);
                    expect(wrong, cell + "POST /api/tasks/{id}/unclaim",
                            status(post("/api/tasks/{id}/unclaim", id).with(user(person))), 404);
                    expect(wrong, cell + "POST /api/tasks/{id}/complete", status(post("/api/tasks/{id}/complete", id)
                            .contentType(MediaType.APPLICATION_JSON).content("{}").with(user(person))), 404);
                    expect(wrong, cell + "GET /tasks/{id}", status(get("/tasks/{id}", id).with(user(person))), 404);
                    expect(wrong, cell + "POST /tasks/{id}/claim",
                            status(post("/tasks/{id}/claim", id).with(user(person)).with(csrf())), 404);
                    expect(wrong, cell + "POST /tasks/{id}/complete",
                            status(post("/tasks/{id}/complete", id).with(user(person)).with(csrf())), 404);
                } else if (open != null && !person.isClient()) {
                    expect(wrong, cell + "GET /api/tasks/{id}", status(get("/api/tasks/{id}", open.getId()).with(user(person))), 200);
                }
                List<HistoricTaskInstance> closed = historyService.createHistoricTaskInstanceQuery()
                        .processDefinitionKey("engagement-kickoff").processInstanceBusinessKey(engagement.reference())
                        .finished().list();
                if (!closed.isEmpty()) {
                    // a finished task: who may see it learns who finished it (409), anyone else gets 404
                    expect(wrong, cell + "GET /api/tasks/{finished id}",
                            status(get("/api/tasks/{id}", closed.get(0).getId()).with(user(person))), reaches ? 409 : 404);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** A firm's client list is confidential: each person lists and opens the organisations they work for only. */
    @Test
    void eachPersonSeesTheOrganisationsOfTheEngagementsTheyReachAndNoOther() throws Exception {
        AuthenticatedUser manager = users.get("manager");
        for (Map.Entry<String, Set<DemoEngagement>> row : DemoAccessMatrix.EVERYONE.entrySet()) {
            AuthenticatedUser person = users.get(row.getKey());
            Set<String> expected = new TreeSet<>();
            Set<String> all = new TreeSet<>();
            for (DemoEngagement demo : DemoEngagement.values()) {
                String organisation = demo.in(engagements, manager).organisationId().toString();
                all.add(organisation);
                if (row.getValue().contains(demo)) {
                    expected.add(organisation);
                }
            }
            Set<String> listed = new TreeSet<>(body(get("/api/organisations").with(user(person))).findValuesAsText("id"));
            if (person.seesAllEngagements()) {
                assertThat(listed).as(row.getKey()).containsAll(all);
            } else {
                assertThat(listed).as(row.getKey()).isEqualTo(expected);
            }
            for (String organisation : all) {
                assertThat(status(get("/api/organisations/{id}", organisation).with(user(person))))
                        .as(row.getKey() + " opens organisation " + organisation)
                        .isEqualTo(listed.contains(organisation) ? 200 : 404);
            }
        }
    }

    /**
     * A feed is read without signing in, so it must hold nothing of an engagement its owner cannot reach, and
     * everything of those they reach that has a date (what the manager's feed, which sees all, shows).
     */
    @Test
    void eachPersonsCalendarFeedHoldsTheEngagementsTheyReachAndNoOther() throws Exception {
        AuthenticatedUser manager = users.get("manager");
        String everything = feed(manager);
        Set<DemoEngagement> dated = EnumSet.noneOf(DemoEngagement.class);
        for (DemoEngagement demo : DemoEngagement.values()) {
            if (everything.contains(demo.in(engagements, manager).reference())) {
                dated.add(demo);
            }
        }
        assertThat(dated).as("demo engagements with events in a feed").hasSizeGreaterThan(1);
        for (Map.Entry<String, Set<DemoEngagement>> row : DemoAccessMatrix.EVERYONE.entrySet()) {
            String feed = feed(users.get(row.getKey()));
            for (DemoEngagement demo : dated) {
                String reference = demo.in(engagements, manager).reference();
                if (row.getValue().contains(demo)) {
                    assertThat(feed).as(row.getKey() + "'s feed shows " + demo).contains(reference);
                } else {
                    assertThat(feed).as(row.getKey() + "'s feed hides " + demo).doesNotContain(reference);
                }
            }
        }
    }

    private String feed(AuthenticatedUser person) throws Exception {
        return mvc.perform(get("/calendar/{token}.ics", feeds.create(person))).andReturn().getResponse()
                .getContentAsString();
    }

    /**
     * Every page and API read of EndpointAccessMatrixTest's table that names only an engagement, for every person ×
     * every demo engagement: whoever reaches it gets what the manager gets (or 403 where their role is refused),
     * whoever does not gets exactly the refusal that an unknown id gets.
     */
    @Test
    void everyEngagementReadAnswersEachPersonByTheirReach() throws Exception {
        AuthenticatedUser manager = users.get("manager");
        List<EndpointAccessMatrixTest.Row> reads = EndpointAccessMatrixTest.TABLE.stream()
                .filter(row -> row.method().equals("GET") && ENGAGEMENT_ONLY.matcher(row.path()).matches()).toList();
        assertThat(reads).as("engagement reads in the table").hasSizeGreaterThan(20);
        List<String> wrong = new ArrayList<>();
        for (EndpointAccessMatrixTest.Row read : reads) {
            String template = read.path().replaceFirst("\\{\\w+}", "{id}");
            Map<String, Integer> unknownIds = new HashMap<>();
            for (DemoEngagement demo : DemoEngagement.values()) {
                UUID id = demo.in(engagements, manager).id();
                int managers = status(get(template, id).with(user(manager)));
                for (Map.Entry<String, Set<DemoEngagement>> row : DemoAccessMatrix.EVERYONE.entrySet()) {
                    AuthenticatedUser person = users.get(row.getKey());
                    int answer = status(get(template, id).with(user(person)));
                    String cell = row.getKey() + " × " + demo + ": " + read + " answered " + answer;
                    if (row.getValue().contains(demo)) {
                        if (answer != managers && answer != 403) {
                            wrong.add(cell + ", the manager got " + managers);
                        }
                    } else {
                        Integer unknown = unknownIds.get(row.getKey());
                        if (unknown == null) {
                            unknown = status(get(template, UUID.randomUUID()).with(user(person)));
                            unknownIds.put(row.getKey(), unknown);
                        }
                        if (answer != unknown || (answer != 403 && answer != 404)) {
                            wrong.add(cell + ", for an unknown id " + unknown);
                        }
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static void expect(List<String> wrong, String what, int actual, int expected) {
        if (actual != expected) {
            wrong.add(what + " answered " + actual + ", expected " + expected);
        }
    }

    @Test
    void theAccessReviewCsvListsExactlyTheEngagementsOfTheTable() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/admin/access-review.csv").with(user(users.get("admin"))))
                .andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("text/csv");
        assertThat(response.getHeader(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment; filename=\"access-review-");

        Map<String, CSVRecord> rows = new HashMap<>();
        CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(response.getContentAsString()))
                .forEach(row -> rows.put(row.get("username"), row));
        AuthenticatedUser manager = users.get("manager");
        for (Map.Entry<String, Set<DemoEngagement>> row : DemoAccessMatrix.EVERYONE.entrySet()) {
            Set<String> expected = new TreeSet<>();
            row.getValue().forEach(demo -> expected.add(demo.in(engagements, manager).reference()));
            String listed = rows.get(row.getKey()).get("engagements");
            assertThat(new TreeSet<>(List.of(listed.split(AccessReviewCsv.LIST_SEPARATOR)))).as(row.getKey())
                    .isEqualTo(expected);
            assertThat(rows.get(row.getKey()).get("status")).isEqualTo("ACTIVE");
        }
        assertThat(rows.get("acme").get("organisations")).isEqualTo("Acme Cloud Ltd");
        assertThat(rows.get(DemoAccessMatrix.EXTERNAL).get("external")).isEqualTo("true");
        assertThat(rows.get("admin").get("roles")).isEqualTo(Role.ADMIN.name());
    }

    @Test
    void theAccessReviewPageShowsEveryAccount() throws Exception {
        String page = mvc.perform(get("/admin/access-review").with(user(users.get("admin"))))
                .andReturn().getResponse().getContentAsString();
        accounts.findAll().forEach(account -> assertThat(page).contains(account.username()));
        assertThat(page).contains("/admin/access-review.csv");
    }
}
