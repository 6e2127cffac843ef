package org.auditmanager.accessreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.auditmanager.accessreview.EndpointAccessMatrixTest.Actor.ADMIN;
import static org.auditmanager.accessreview.EndpointAccessMatrixTest.Actor.ANONYMOUS;
import static org.auditmanager.accessreview.EndpointAccessMatrixTest.Actor.MANAGER;
import static org.auditmanager.accessreview.EndpointAccessMatrixTest.Actor.OTHER_CLIENT;
import static org.auditmanager.accessreview.EndpointAccessMatrixTest.Actor.OUTSIDE_AUDITOR;
import static org.auditmanager.accessreview.EndpointAccessMatrixTest.Actor.OWNER_CLIENT;
import static org.auditmanager.accessreview.EndpointAccessMatrixTest.Actor.REVIEWER;
import static org.auditmanager.accessreview.EndpointAccessMatrixTest.Actor.TEAM_AUDITOR;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.auditmanager.DemoUsers;
import org.auditmanager.accessreview.DemoAccessMatrix.DemoEngagement;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.engagement.Engagements;
import org.auditmanager.evidence.EvidenceFiles;
import org.auditmanager.evidence.EvidenceProcess;
import org.auditmanager.evidence.EvidenceRequest;
import org.auditmanager.evidence.EvidenceRequests;
import org.auditmanager.evidence.EvidenceTasks;
import org.auditmanager.evidence.NewEvidenceRequest;
import org.auditmanager.security.ApiTokens;
import org.auditmanager.security.AuthenticatedUser;
import org.auditmanager.timeline.CalendarFeeds;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Every endpoint and page × every kind of caller → allow or deny, from the one {@link #TABLE} below, over real
 * HTTP (the engine REST API and the Camunda webapps are servlets outside Spring MVC).
 *
 * <p>The callers are relative to the engagement a row is about: Acme's SOC 2 engagement, or Globex's ISO one
 * for rows whose variables start with {@code iso}. {@link Actor#TEAM_AUDITOR} is an auditor on its team (its
 * lead), {@link Actor#OUTSIDE_AUDITOR} an auditor who is not on it, {@link Actor#OWNER_CLIENT} a client of the
 * organisation it belongs to, {@link Actor#OTHER_CLIENT} a client of the other organisation; the reviewer is on
 * every demo team. Path variables are real ids: the demo engagements, their organisations and open kick-off task,
 * and evidence requests, files, tokens and an external auditor made for the test.
 *
 * <p>How an answer is read:
 * <ul>
 *   <li><b>deny</b>: 401, 403, 404, or a redirect to {@code /login} (an anonymous page request; an anonymous
 *       page POST meets the CSRF check first and gets 403);</li>
 *   <li><b>allow</b>: any other answer below 500: 2xx, a redirect elsewhere (Post-Redirect-Get, also with a
 *       flash that says why nothing was done), or a 4xx of the handler's own rules (400 invalid input, 409 wrong
 *       state). Bodies are well formed and pass binding, so a 400 or 409 comes from the feature's rules, which
 *       run after the membership check; only where the door (SecurityConfig) checks the role before the body
 *       is read may a body be incomplete;</li>
 *   <li>a 5xx fails the cell whatever the expectation.</li>
 * </ul>
 * The callers a row denies go first, so they meet the demo state and not what an allowed caller changed; a row
 * that moves something on (submit, review, cancel) has an evidence request of its own. A denied caller outside
 * the engagement must get exactly the answer of the same request with unknown ids: a 404 reveals nothing. An
 * endpoint that Spring MVC serves (controllers and the actuator) without a row fails {@link
 * #everyEndpointOfTheAppHasARow()}, so a new endpoint cannot slip in unreviewed; adding one is one line in
 * {@link #TABLE}. The engine REST API and the webapps have representative rows: one security rule covers each
 * of them, and EngineMembershipAccessTest checks what the engine's queries return to each person. Every answer
 * is written to {@code target/access-matrix.csv}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // the webapps and the engine REST API address the engine by name: the real one, "default"
        properties = "camunda.bpm.generate-unique-process-engine-name=false")
@ActiveProfiles("demo")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// the allowed cells change what they may change (claims, revocations): no later test class should inherit that
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class EndpointAccessMatrixTest {

    /** Who calls, relative to the engagement of the row. */
    enum Actor {
        ANONYMOUS, ADMIN, MANAGER, TEAM_AUDITOR, OUTSIDE_AUDITOR, REVIEWER, OWNER_CLIENT, OTHER_CLIENT
    }

    private static final Set<Actor> EVERYONE = EnumSet.allOf(Actor.class);
    private static final Set<Actor> SIGNED_IN = EnumSet.complementOf(EnumSet.of(ANONYMOUS));
    private static final Set<Actor> STAFF = EnumSet.of(ADMIN, MANAGER, TEAM_AUDITOR, OUTSIDE_AUDITOR, REVIEWER);
    private static final Set<Actor> MANAGERS = EnumSet.of(ADMIN, MANAGER);
    private static final Set<Actor> ADMINS = EnumSet.of(ADMIN);
    /** Everyone who reaches the engagement. */
    private static final Set<Actor> ENGAGEMENT = EnumSet.of(ADMIN, MANAGER, TEAM_AUDITOR, REVIEWER, OWNER_CLIENT);
    /** The firm's people who reach the engagement. */
    private static final Set<Actor> TEAM = EnumSet.of(ADMIN, MANAGER, TEAM_AUDITOR, REVIEWER);
    /** Those who work on the engagement as auditors: the team's auditors and the managers. */
    private static final Set<Actor> AUDITORS = EnumSet.of(ADMIN, MANAGER, TEAM_AUDITOR);
    /** Those who add evidence: the engagement's auditors and managers, and its client. */
    private static final Set<Actor> UPLOADERS = EnumSet.of(ADMIN, MANAGER, TEAM_AUDITOR, OWNER_CLIENT);
    /** The lead auditor, to whom the process offers the review of evidence (TEAM_AUDITOR leads Acme's SOC 2). */
    private static final Set<Actor> LEAD_AUDITOR = EnumSet.of(TEAM_AUDITOR);
    /** The client's work on its engagement, such as its own tasks. */
    private static final Set<Actor> OWNER = EnumSet.of(OWNER_CLIENT);
    /** The statement of applicability: the client, the audit team and engagement managers edit it ... */
    private static final Set<Actor> SOA_EDITORS = EnumSet.of(MANAGER, TEAM_AUDITOR, OWNER_CLIENT);
    /** ... and the lead auditor or an engagement manager approves it. */
    private static final Set<Actor> SOA_APPROVERS = EnumSet.of(MANAGER, TEAM_AUDITOR);
    /** Not requested by the matrix: the row says why. */
    private static final Set<Actor> NOT_REQUESTED = EnumSet.noneOf(Actor.class);

    private static final String DUE = LocalDate.now().plusDays(30).toString();

    /** Bodies of uploads: a small PDF in the multipart field the endpoint reads. */
    private static final String UPLOAD = "multipart:file";
    private static final String BULK_UPLOAD = "multipart:files-{request}";

    /**
     * One row per endpoint: "METHOD path" with the handler's path pattern (variable names are ours and pick
     * the id), who is allowed, and the body of a request that changes something. API rows ({@code /api},
     * {@code /engine-rest}) use HTTP Basic; all others a signed-in session with its CSRF token.
     */
    static final List<Row> TABLE = List.of(
            // pages of the shell, login and profile
            row("GET /", SIGNED_IN),
            row("GET /login", EVERYONE),
            row("GET /profile", SIGNED_IN),
            row("POST /profile/tokens", SIGNED_IN, "name="),
            row("POST /profile/tokens/{pageToken}/revoke", ADMINS),
            row("GET /profile/calendar", SIGNED_IN),
            row("POST /profile/calendar", SIGNED_IN),
            row("POST /profile/calendar/revoke", SIGNED_IN),
            row("GET /api/me/notifications", SIGNED_IN),
            row("PUT /api/me/notifications", SIGNED_IN, "{\"dailyDigest\": false}"),
            row("POST /api/me/calendar-feed", SIGNED_IN),
            row("DELETE /api/me/calendar-feed", SIGNED_IN),
            row("POST /profile/notifications", SIGNED_IN),
            row("GET /calendar/{feed}.ics", EVERYONE),
            row("GET /portfolio", STAFF),
            // engagements and organisations
            row("GET /engagements", SIGNED_IN),
            row("GET /engagements/new", MANAGERS),
            row("POST /engagements", MANAGERS, "title="),
            row("GET /engagements/{soc2}", ENGAGEMENT),
            row("GET /api/engagements", SIGNED_IN),
            row("POST /api/engagements", MANAGERS, "{}"),
            row("GET /api/engagements/{soc2}", ENGAGEMENT),
            row("GET /api/organisations", SIGNED_IN),
            row("POST /api/organisations", MANAGERS, "{}"),
            row("GET /api/organisations/{isoOrganisation}", ENGAGEMENT),
            row("GET /api/me", SIGNED_IN),
            row("GET /api/me/tokens", SIGNED_IN),
            row("POST /api/me/tokens", SIGNED_IN, "{}"),
            row("DELETE /api/me/tokens/{apiToken}", ADMINS),
            // tasks: the open kick-off task of Acme's SOC 2 engagement is the client's to do
            row("GET /tasks", SIGNED_IN),
            row("GET /tasks/{task}", ENGAGEMENT),
            row("POST /tasks/{task}/claim", OWNER),
            row("POST /tasks/{task}/unclaim", OWNER),
            row("POST /tasks/{task}/complete", OWNER),
            // the list's claim: whoever reaches the engagement comes back to the list, with a refusal unless offered
            row("POST /tasks/{task}/assignment", ENGAGEMENT, "action=claim"),
            row("GET /api/tasks", SIGNED_IN),
            row("GET /api/tasks/{task}", ENGAGEMENT),
            row("POST /api/tasks/{task}/claim", OWNER),
            row("POST /api/tasks/{task}/unclaim", OWNER),
            row("POST /api/tasks/{task}/complete", OWNER, "{}"),
            row("GET /api/tasks/colleagues", SIGNED_IN),
            // handing the client's task to a staff member: refused as no colleague (400) once through the door
            row("POST /api/tasks/{task}/hand-over", OWNER, "{\"to\": \"lead\"}"),
            // evidence requests and files
            row("GET /engagements/{soc2}/requests", ENGAGEMENT),
            row("GET /engagements/{soc2}/requests/new", AUDITORS),
            row("POST /engagements/{soc2}/requests", AUDITORS, "title=Matrix&dueDate=" + DUE),
            row("POST /engagements/{soc2}/requests/share", AUDITORS),
            row("POST /engagements/{soc2}/requests/generate", AUDITORS),
            row("POST /engagements/{soc2}/requests/accept", AUDITORS),
            row("GET /engagements/{soc2}/requests/upload", UPLOADERS),
            row("POST /engagements/{soc2}/requests/upload", UPLOADERS, BULK_UPLOAD),
            row("GET /evidence-requests/{request}", ENGAGEMENT),
            row("GET /evidence-requests/{request}/edit", AUDITORS),
            row("POST /evidence-requests/{request}", AUDITORS, "title=Matrix&dueDate=" + DUE),
            row("POST /evidence-requests/{request}/share", AUDITORS),
            row("POST /evidence-requests/{cancelPage}/cancel", AUDITORS, "reason=Matrix"),
            row("POST /evidence-requests/{request}/comments", ENGAGEMENT, "text="),
            row("POST /evidence-requests/{request}/files", UPLOADERS, UPLOAD),
            row("GET /evidence-requests/{request}/files/{file}", ENGAGEMENT),
            row("GET /evidence-requests/for-task/{evidenceTask}", ENGAGEMENT),
            row("POST /evidence-requests/for-task/{evidenceTask}/files", UPLOADERS, UPLOAD),
            row("POST /evidence-requests/{request}/reuse", UPLOADERS, "versionId={reusable}"),
            row("POST /evidence-requests/{submitPage}/submit", OWNER),
            row("POST /evidence-requests/{reviewPage}/review", LEAD_AUDITOR, "decision=accept"),
            row("GET /api/engagements/{soc2}/evidence-requests", ENGAGEMENT),
            row("POST /api/engagements/{soc2}/evidence-requests", AUDITORS, "{\"title\": \"Matrix\", \"dueDate\": \"" + DUE + "\"}"),
            row("POST /api/engagements/{soc2}/evidence-requests/share", AUDITORS, "{}"),
            row("POST /api/engagements/{soc2}/evidence-requests/generate", AUDITORS, "{}"),
            row("GET /api/evidence-requests/{request}", ENGAGEMENT),
            row("PUT /api/evidence-requests/{request}", AUDITORS, "{\"title\": \"Matrix\", \"dueDate\": \"" + DUE + "\"}"),
            row("POST /api/evidence-requests/{request}/share", AUDITORS),
            row("POST /api/evidence-requests/{cancelApi}/cancel", AUDITORS, "{\"reason\": \"Matrix\"}"),
            row("POST /api/evidence-requests/{request}/comments", ENGAGEMENT, "{\"text\": \"\"}"),
            row("GET /api/evidence-requests/{request}/reuse-candidates", ENGAGEMENT),
            row("POST /api/evidence-requests/{request}/reuse", UPLOADERS, "{\"versionId\": \"{reusable}\"}"),
            row("POST /api/evidence-requests/{request}/files", UPLOADERS, UPLOAD),
            row("GET /api/evidence-requests/{request}/files/{file}", ENGAGEMENT),
            row("POST /api/evidence-requests/{submitApi}/submit", OWNER),
            row("POST /api/evidence-requests/{reviewApi}/review", LEAD_AUDITOR, "{\"decision\": \"accept\"}"),
            // timelines, process view
            row("GET /engagements/{soc2}/timeline", ENGAGEMENT),
            row("GET /engagements/{soc2}/what-if", ENGAGEMENT),
            row("GET /engagements/{soc2}/process", TEAM),
            row("GET /engagements/{soc2}/process.bpmn", TEAM),
            row("GET /engagements/{soc2}/process/activities", TEAM),
            row("GET /api/engagements/{soc2}/timeline", ENGAGEMENT),
            row("GET /api/engagements/{soc2}/what-if", ENGAGEMENT),
            // exports and the audit trail (the client sees its engagement's trail, without addresses)
            row("GET /engagements/{soc2}/exports/summary.pdf", ENGAGEMENT),
            row("GET /engagements/{iso}/exports/soa.csv", ENGAGEMENT),
            row("GET /engagements/{iso}/exports/soa.pdf", ENGAGEMENT),
            row("GET /api/engagements/{soc2}/exports/summary.pdf", ENGAGEMENT),
            row("GET /api/engagements/{iso}/exports/soa.csv", ENGAGEMENT),
            row("GET /api/engagements/{iso}/exports/soa.pdf", ENGAGEMENT),
            // certificate: the Globex ISO engagement has none yet, so the allowed get 409 with the reason
            row("GET /engagements/{iso}/exports/certificate.pdf", ENGAGEMENT),
            row("GET /api/engagements/{iso}/exports/certificate.pdf", ENGAGEMENT),
            row("GET /engagements/{soc2}/exports/soc2-matrix.csv", ENGAGEMENT),
            row("GET /api/engagements/{soc2}/exports/soc2-matrix.csv", ENGAGEMENT),
            row("GET /engagements/{soc2}/exports/audit-package.zip", ENGAGEMENT),
            row("GET /api/engagements/{soc2}/exports/audit-package.zip", ENGAGEMENT),
            row("GET /engagements/{soc2}/exports", ENGAGEMENT),
            row("GET /api/engagements/{soc2}/signoffs", ENGAGEMENT),
            row("GET /engagements/{soc2}/trail", ENGAGEMENT),
            row("GET /api/engagements/{soc2}/audit-trail", ENGAGEMENT),
            row("GET /api/audit-trail/verify", ADMINS),
            // ISO: statement of applicability and certification
            row("GET /engagements/{iso}/soa", ENGAGEMENT),
            row("POST /engagements/{iso}/soa", SOA_EDITORS),
            row("GET /api/engagements/{iso}/soa", ENGAGEMENT),
            row("PUT /api/engagements/{iso}/soa/draft", SOA_EDITORS, "[]"),
            row("POST /engagements/{iso}/soa/submit", SOA_EDITORS),
            row("POST /api/engagements/{iso}/soa/submit", SOA_EDITORS),
            row("POST /engagements/{iso}/soa/send-back", SOA_APPROVERS),
            row("POST /api/engagements/{iso}/soa/send-back", SOA_APPROVERS),
            row("POST /engagements/{iso}/soa/approve", SOA_APPROVERS),
            row("POST /api/engagements/{iso}/soa/approve", SOA_APPROVERS),
            row("POST /engagements/{iso}/soa/revisions", SOA_EDITORS),
            row("POST /api/engagements/{iso}/soa/revisions", SOA_EDITORS),
            row("GET /api/engagements/{iso}/certification", ENGAGEMENT),
            row("POST /api/engagements/{iso}/events/{eventType}", MANAGERS, "{}"),
            // SOC 2
            row("GET /api/engagements/{soc2}/soc2", ENGAGEMENT),
            row("PUT /api/engagements/{soc2}/soc2/controls", AUDITORS, "[]"),
            row("PUT /api/engagements/{soc2}/soc2/subservice-organisations", AUDITORS, "[]"),
            row("POST /api/engagements/{soc2}/soc2/bridge-letter-requests", ENGAGEMENT),
            // catalogue
            row("GET /catalog", SIGNED_IN),
            row("GET /catalog/iso27001", SIGNED_IN),
            row("GET /catalog/soc2", SIGNED_IN),
            row("GET /catalog/controls/{control}", SIGNED_IN),
            row("GET /api/catalog", SIGNED_IN),
            row("GET /api/catalog/iso27001/controls", SIGNED_IN),
            row("GET /api/catalog/iso27001/clauses", SIGNED_IN),
            row("GET /api/catalog/soc2/criteria", SIGNED_IN),
            row("GET /api/catalog/controls/{control}", SIGNED_IN),
            row("GET /api/catalog/mappings", SIGNED_IN),
            // administration: external auditors, access review, accounts
            row("GET /external-auditors", MANAGERS),
            row("POST /external-auditors", MANAGERS, "username="),
            row("GET /api/external-auditors", MANAGERS),
            row("POST /api/external-auditors", MANAGERS, "{}"),
            row("GET /api/external-auditors/{external}", MANAGERS),
            row("POST /external-auditors/{external}/revoke", MANAGERS),
            row("POST /api/external-auditors/{external}/revoke", MANAGERS),
            row("GET /admin/access-review", ADMINS),
            row("GET /admin/access-review.csv", ADMINS),
            row("POST /admin/users/{external}/disable", ADMINS),
            row("POST /admin/users/{external}/enable", ADMINS),
            row("GET /api/admin/access-review", ADMINS),
            // the OpenAPI description and its browser, and the actuator
            row("GET /v3/api-docs", SIGNED_IN),
            row("GET /v3/api-docs.yaml", SIGNED_IN),
            row("GET /v3/api-docs/swagger-config", SIGNED_IN),
            row("GET /swagger-ui.html", SIGNED_IN),
            row("GET /actuator", SIGNED_IN),
            row("GET /actuator/health", EVERYONE),
            // health components are not shown (show-details: never): the path answers 404 to everyone
            row("GET /actuator/health/{path}", NOT_REQUESTED),
            row("GET /actuator/info", SIGNED_IN),
            // Spring Boot's error page is reached by the container's error dispatch, not requested
            row("GET /error", NOT_REQUESTED),
            // the engine's REST API: staff only, and the engine's authorizations follow membership
            row("GET /engine-rest/engine", STAFF),
            row("GET /engine-rest/process-definition", STAFF),
            row("GET /engine-rest/task", STAFF),
            row("GET /engine-rest/task/{task}", TEAM),
            row("GET /engine-rest/process-instance", STAFF),
            row("GET /engine-rest/process-instance/{instance}", TEAM),
            row("GET /engine-rest/history/process-instance/{instance}", TEAM),
            row("POST /engine-rest/user/create", ADMINS, "{}"),
            // the Camunda webapps: staff, and the Admin webapp for admins
            row("GET /camunda/app/cockpit/default/", STAFF),
            row("GET /camunda/app/tasklist/default/", STAFF),
            row("GET /camunda/app/admin/default/", ADMINS),
            row("GET /camunda/api/engine/engine/default/task", STAFF));

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");
    /** Path variables that are not ids and are therefore not replaced by unknown ones. */
    private static final Set<String> NOT_IDS = Set.of("eventType", "control");

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired DemoUsers users;
    @Autowired Engagements engagements;
    @Autowired EvidenceRequests evidenceRequests;
    @Autowired EvidenceFiles evidenceFiles;
    @Autowired EvidenceTasks evidenceTasks;
    @Autowired ExternalAuditors externals;
    @Autowired ApiTokens apiTokens;
    @Autowired CalendarFeeds feeds;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired Clock clock;

    private final Map<String, String> ids = new HashMap<>();
    private final Map<String, HttpClient> sessions = new HashMap<>();
    private final Map<String, String> csrfTokens = new HashMap<>();
    private final HttpClient stateless = HttpClient.newHttpClient();
    /** Every answer, written to target/access-matrix.csv for whoever reviews access (see the access review). */
    private final Map<String, Map<Actor, String>> observed = new LinkedHashMap<>();

    /** The demo users behind each actor, for rows about Acme's SOC 2 engagement and for Globex's ISO one. */
    private static final Map<Actor, String> SOC2_CAST = cast("lead", "auditor", "acme", "globex");
    private static final Map<Actor, String> ISO_CAST = cast("auditor", "lead", "globex", "acme");

    private static Map<Actor, String> cast(String teamAuditor, String outsideAuditor, String owner, String other) {
        Map<Actor, String> cast = new EnumMap<>(Actor.class);
        cast.put(ADMIN, "admin");
        cast.put(MANAGER, "manager");
        cast.put(TEAM_AUDITOR, teamAuditor);
        cast.put(OUTSIDE_AUDITOR, outsideAuditor);
        cast.put(REVIEWER, "reviewer");
        cast.put(OWNER_CLIENT, owner);
        cast.put(OTHER_CLIENT, other);
        return cast;
    }

    record Row(String method, String path, Set<Actor> allowed, String body) {

        String pattern() {
            return VARIABLE.matcher(path).replaceAll("{}");
        }

        boolean api() {
            return path.startsWith("/api/") || path.startsWith("/engine-rest/");
        }

        Map<Actor, String> cast() {
            return path.contains("{iso") ? ISO_CAST : SOC2_CAST;
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static Row row(String request, Set<Actor> allowed) {
        return row(request, allowed, null);
    }

    private static Row row(String request, Set<Actor> allowed, String body) {
        String[] parts = request.split(" ", 2);
        return new Row(parts[0], parts[1], allowed, body);
    }

    @BeforeAll
    void demoIdsAndSessions() throws Exception {
        AuthenticatedUser manager = users.get("manager");
        Engagement soc2 = DemoEngagement.ACME_SOC2.in(engagements, manager);
        Engagement iso = DemoEngagement.GLOBEX_ISO.in(engagements, manager);
        ids.put("soc2", soc2.id().toString());
        ids.put("iso", iso.id().toString());
        ids.put("isoOrganisation", iso.organisationId().toString());
        String instance = runtimeService.createProcessInstanceQuery().processDefinitionKey("engagement-kickoff")
                .processInstanceBusinessKey(soc2.reference()).singleResult().getId();
        ids.put("instance", instance);
        ids.put("task", taskService.createTaskQuery().processInstanceId(instance).singleResult().getId());

        // evidence: a request collecting evidence with one file, and an accepted file of Acme's ISO engagement for
        // the same control that the request may reuse
        AuthenticatedUser lead = users.get("lead");
        AuthenticatedUser acme = users.get("acme");
        Engagement acmeIso = DemoEngagement.ACME_ISO.in(engagements, manager);
        UUID accepted = sharedRequest(acmeIso, "Matrix accepted evidence", lead, acme);
        ids.put("reusable", evidenceFiles.upload(accepted, "accepted.pdf", null, new ByteArrayInputStream(pdf()), acme)
                .versionId().toString());
        evidenceTasks.submit(accepted, Map.of(), acme);
        evidenceTasks.review(accepted, "accept", null, lead);
        UUID request = sharedRequest(soc2, "Matrix evidence", lead, acme);
        ids.put("request", request.toString());
        ids.put("file", evidenceFiles.upload(request, "matrix.pdf", null, new ByteArrayInputStream(pdf()), acme)
                .versionId().toString());
        ids.put("evidenceTask", taskService.createTaskQuery().processDefinitionKey(EvidenceProcess.KEY)
                .processVariableValueEquals(EvidenceProcess.EVIDENCE_REQUEST_ID, request.toString()).singleResult().getId());
        // a request of its own for each row that moves one on, so that no row meets another one's result
        for (String name : List.of("cancelPage", "cancelApi", "submitPage", "submitApi", "reviewPage", "reviewApi")) {
            UUID own = sharedRequest(soc2, "Matrix " + name, lead, acme);
            evidenceFiles.upload(own, name + ".pdf", null, new ByteArrayInputStream(pdf()), acme);
            if (name.startsWith("review")) {
                evidenceTasks.submit(own, Map.of(), acme);
            }
            ids.put(name, own.toString());
        }

        LocalDate today = LocalDate.now(clock);
        String external = "ext-matrix";
        externals.create(new NewExternalAuditor(soc2.id(), external, "Max Matrix", "max@external.example",
                external + "-password", today.minusDays(1), today.plusDays(30)), manager);
        ids.put("external", external);
        // the external auditor's feed: no caller of the table replaces it
        ids.put("feed", feeds.create(users.get(external)));
        AuthenticatedUser admin = users.get("admin");
        ids.put("apiToken", apiTokens.issue("matrix api", admin).token().id().toString());
        ids.put("pageToken", apiTokens.issue("matrix page", admin).token().id().toString());
        ids.put("control", "A.5.15");
        ids.put("eventType", "suspend");

        for (String username : List.of("admin", "manager", "lead", "auditor", "reviewer", "acme", "globex")) {
            signIn(username);
        }
    }

    @AfterAll
    void writeTheObservedMatrix() throws Exception {
        StringBuilder csv = new StringBuilder("request");
        for (Actor actor : Actor.values()) {
            csv.append(',').append(actor.name().toLowerCase(Locale.ROOT));
        }
        csv.append('\n');
        observed.forEach((request, answers) -> {
            csv.append('"').append(request).append('"');
            for (Actor actor : Actor.values()) {
                csv.append(',').append(answers.getOrDefault(actor, ""));
            }
            csv.append('\n');
        });
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "access-matrix.csv"), csv);
    }

    @TestFactory
    Stream<DynamicTest> eachEndpointAnswersEachCallerAsTheTableSays() {
        return TABLE.stream().filter(row -> row.allowed() != NOT_REQUESTED)
                .map(row -> DynamicTest.dynamicTest(row.toString(), () -> assertThat(check(row)).as(row.toString()).isEmpty()));
    }

    /**
     * The cells of one row, the callers who must be refused first: they meet the state the demo data left, not
     * what an allowed caller changed, so a refusal cannot hide behind a conflict.
     */
    private List<String> check(Row row) throws Exception {
        List<Actor> order = new ArrayList<>(EnumSet.complementOf(EnumSet.copyOf(row.allowed())));
        order.addAll(row.allowed());
        List<String> wrong = new ArrayList<>();
        for (Actor actor : order) {
            String username = row.cast().get(actor);
            HttpResponse<String> answer = send(row, ids, username);
            Answer verdict = Answer.of(answer);
            boolean expected = row.allowed().contains(actor);
            String cell = actor + " (" + (username == null ? "anonymous" : username) + "): ";
            observed.computeIfAbsent(row.toString(), key -> new EnumMap<>(Actor.class))
                    .put(actor, answer.statusCode() + " " + verdict.name().toLowerCase(Locale.ROOT));
            if (verdict == Answer.BROKEN) {
                wrong.add(cell + answer.statusCode() + " " + abbreviate(answer.body()));
            } else if ((verdict == Answer.ALLOW) != expected) {
                wrong.add(cell + (expected ? "denied" : "ALLOWED") + " with " + answer.statusCode() + " "
                        + answer.headers().firstValue("Location").orElse("") + " " + abbreviate(answer.body()));
            } else if (!expected && username != null && !ENGAGEMENT.contains(actor)
                    && VARIABLE.matcher(row.path()).find()) {
                int unknown = send(row, unknownIds(row), username).statusCode();
                if (unknown != answer.statusCode()) {
                    wrong.add(cell + "answered " + answer.statusCode() + " but " + unknown
                            + " for unknown ids: the answer tells that the thing exists");
                }
            }
        }
        return wrong;
    }

    /** Whether the caller got through: see the class comment. */
    enum Answer {
        ALLOW, DENY, BROKEN;

        static Answer of(HttpResponse<String> response) {
            int status = response.statusCode();
            if (status >= 500) {
                return BROKEN;
            }
            if (status == 401 || status == 403 || status == 404) {
                return DENY;
            }
            if (status / 100 == 3 && response.headers().firstValue("Location").orElse("").matches(".*/login(\\?.*)?$")) {
                return DENY;
            }
            return ALLOW;
        }
    }

    @Test
    void everyEndpointOfTheAppHasARow() {
        Set<String> rows = new TreeSet<>();
        TABLE.forEach(row -> rows.add(row.method() + " " + row.pattern()));
        Set<String> served = new TreeSet<>();
        for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<String> methods = new LinkedHashSet<>();
                info.getMethodsCondition().getMethods().forEach(method -> methods.add(method.name()));
                if (methods.isEmpty()) {
                    // a mapping for every method: GET stands for it
                    methods.add("GET");
                }
                for (String pattern : info.getPatternValues()) {
                    String normalised = VARIABLE.matcher(pattern).replaceAll("{}").replace("**", "{}");
                    methods.forEach(method -> served.add(method + " " + normalised));
                }
            }
        }
        Set<String> missing = new TreeSet<>(served);
        missing.removeAll(rows);
        assertThat(missing).as("endpoints without a row in the access table").isEmpty();
        Set<String> stale = new TreeSet<>(rows);
        stale.removeIf(row -> row.contains(" /engine-rest/") || row.contains(" /camunda/"));
        stale.removeAll(served);
        assertThat(stale).as("rows for endpoints the app no longer serves").isEmpty();
    }

    /** The feature's own input rules come after the membership check: an outsider learns nothing from them. */
    @Test
    void anOutsiderIsRefusedBeforeTheInputIsChecked() throws Exception {
        for (String body : List.of("{\"decision\": \"maybe\"}", "{\"decision\": \"reject\"}")) {
            Row review = new Row("POST", "/api/evidence-requests/{reviewApi}/review", LEAD_AUDITOR, body);
            assertThat(send(review, ids, "auditor").statusCode()).as(body).isEqualTo(404);
            assertThat(send(review, ids, "globex").statusCode()).as(body).isEqualTo(404);
            assertThat(send(review, ids, "lead").statusCode()).as(body).isEqualTo(400);
        }
    }

    /**
     * Static files answer every signed-in user; anonymous callers get those the login page needs (styles,
     * scripts, images) and are sent to sign in for the rest (the process viewer's library).
     */
    @Test
    void everyStaticFileAnswersAsItsFolderSays() throws Exception {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:static/**/*.*");
        assertThat(files).isNotEmpty();
        List<String> wrong = new ArrayList<>();
        for (Resource file : files) {
            String url = file.getURL().toString();
            String path = url.substring(url.lastIndexOf("/static/") + "/static".length());
            boolean isPublic = path.matches("/(css|js|images)/.*|/favicon\\.ico");
            check(new Row("GET", path, isPublic ? EVERYONE : SIGNED_IN, null)).forEach(cell -> wrong.add(path + " " + cell));
        }
        assertThat(wrong).isEmpty();
    }

    private static String fill(String template, Map<String, String> values) {
        Matcher variable = VARIABLE.matcher(template);
        StringBuilder filled = new StringBuilder();
        while (variable.find()) {
            String value = values.get(variable.group(1));
            // a JSON body keeps its own braces: only our variable names are replaced
            variable.appendReplacement(filled, Matcher.quoteReplacement(value == null ? variable.group()
                    : URLEncoder.encode(value, StandardCharsets.UTF_8)));
        }
        variable.appendTail(filled);
        return filled.toString();
    }

    private UUID sharedRequest(Engagement engagement, String title, AuthenticatedUser auditor, AuthenticatedUser client) {
        LocalDate today = LocalDate.now(clock);
        EvidenceRequest request = evidenceRequests.create(engagement.id(), new NewEvidenceRequest(title, null,
                List.of("A.5.15"), client.getUsername(), today.plusDays(14), null, null, today), auditor);
        evidenceRequests.share(engagement.id(), List.of(request.id()), auditor);
        return request.id();
    }

    private HttpResponse<String> send(Row row, Map<String, String> values, String username) throws Exception {
        String path = fill(row.path(), values);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        HttpClient client = stateless;
        if (username != null && row.api()) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((username + ":" + username).getBytes(StandardCharsets.UTF_8)));
        } else if (username != null) {
            client = sessions.get(username);
            request.header("X-CSRF-TOKEN", csrfTokens.get(username));
        }
        if (row.body() != null && row.body().startsWith("multipart:")) {
            String boundary = "matrix-" + UUID.randomUUID();
            request.header("Content-Type", "multipart/form-data; boundary=" + boundary);
            request.method(row.method(), HttpRequest.BodyPublishers.ofByteArray(
                    multipart(boundary, fill(row.body().substring("multipart:".length()), values))));
        } else if (row.body() != null) {
            request.header("Content-Type", row.api() ? "application/json" : "application/x-www-form-urlencoded");
            request.method(row.method(), HttpRequest.BodyPublishers.ofString(fill(row.body(), values)));
        } else {
            request.method(row.method(), HttpRequest.BodyPublishers.noBody());
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private Map<String, String> unknownIds(Row row) {
        Map<String, String> unknown = new HashMap<>(ids);
        Matcher variable = VARIABLE.matcher(row.path());
        while (variable.find()) {
            if (!NOT_IDS.contains(variable.group(1))) {
                unknown.put(variable.group(1), UUID.randomUUID().toString());
            }
        }
        if (row.body() != null) {
            unknown.put("reusable", UUID.randomUUID().toString());
        }
        return unknown;
    }

    private void signIn(String username) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        Matcher token = CSRF.matcher(client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .build(), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(token.find()).isTrue();
        String form = "username=" + username + "&password=" + username + "&_csrf="
                + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().firstValue("Location").orElseThrow()).as(username).doesNotContain("error");
        // sign-in replaces the CSRF token: read the session's own from a page with a form
        Matcher own = CSRF.matcher(client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/profile"))
                .build(), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(own.find()).as(username).isTrue();
        sessions.put(username, client);
        csrfTokens.put(username, own.group(1));
    }

    private static byte[] multipart(String boundary, String field) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field
                + "\"; filename=\"matrix.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(pdf());
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return body.toByteArray();
    }

    private static byte[] pdf() {
        return ("%PDF-1.7\nmatrix " + UUID.randomUUID() + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static String abbreviate(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
}
