package org.auditmanager.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.engagement.Engagements;
import org.auditmanager.engagement.Framework;
import org.auditmanager.security.AuthenticatedUser;
import org.auditmanager.security.UserAccounts;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The evidence pages, signed in as the demo users; forms post with their CSRF token. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("demo")
class EvidencePagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserAccounts users;
    @Autowired
    Engagements engagements;
    @Autowired
    EvidenceRequests requests;
    @Autowired
    EvidenceFiles files;
    @Autowired
    EvidenceTasks tasks;
    @Autowired
    TaskService taskService;
    @Autowired
    JdbcClient jdbc;

    AuthenticatedUser lead;
    AuthenticatedUser acme;
    Engagement acmeIso;

    @BeforeEach
    void setUp() {
        lead = principal("lead");
        acme = principal("acme");
        acmeIso = engagements.visibleTo(acme, 0, 10).stream()
                .filter(engagement -> engagement.framework() == Framework.ISO27001).findFirst().orElseThrow();
    }

    @Test
    void clientsListShowsSharedRequestsOnlyAndTheAuditorsShowsDraftsToo() throws Exception {
        // the SOC 2 engagement: other tests fill the ISO one's list beyond its first page
        Engagement acmeSoc2 = engagements.visibleTo(acme, 0, 10).stream()
                .filter(engagement -> engagement.framework() == Framework.SOC2).findFirst().orElseThrow();
        EvidenceRequest draft = requests.create(acmeSoc2.id(), new NewEvidenceRequest("Unshared draft", null,
                List.of("CC6.1"), null, LocalDate.now().plusDays(20), acmeSoc2.periodStart(), acmeSoc2.periodEnd(),
                null), lead);
        EvidenceRequest shared = requests.create(acmeSoc2.id(), new NewEvidenceRequest("Shared request", null,
                List.of("CC6.2"), null, LocalDate.now().plusDays(20), acmeSoc2.periodStart(), acmeSoc2.periodEnd(),
                null), lead);
        requests.share(List.of(shared.id()), lead);

        mvc.perform(get("/engagements/{id}/requests", acmeSoc2.id()).with(as(acme)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(shared.title())))
                .andExpect(content().string(not(containsString(draft.title()))));
        mvc.perform(get("/engagements/{id}/requests", acmeSoc2.id()).with(as(lead)))
                .andExpect(content().string(containsString(shared.title())))
                .andExpect(content().string(containsString(draft.title())));
        mvc.perform(get("/evidence-requests/{id}", draft.id()).with(as(acme))).andExpect(status().isNotFound());
    }

    @Test
    void anotherOrganisationsClientGetsNotFoundForEveryAcmePageAndFile() throws Exception {
        EvidenceRequest request = shared("Acme only");
        EvidenceFile file = upload(request, "acme.pdf");
        AuthenticatedUser globex = principal("globex");

        List<MockHttpServletRequestBuilder> calls = List.of(
                get("/engagements/{id}/requests", acmeIso.id()),
                get("/engagements/{id}/requests/upload", acmeIso.id()),
                get("/evidence-requests/{id}", request.id()),
                get("/evidence-requests/{id}/edit", request.id()),
                get("/evidence-requests/{id}/files/{v}", request.id(), file.versionId()),
                post("/evidence-requests/{id}/comments", request.id()).param("text", "hi").with(csrf()),
                post("/evidence-requests/{id}/submit", request.id()).with(csrf()),
                post("/evidence-requests/{id}/cancel", request.id()).with(csrf()),
                post("/engagements/{id}/requests/share", acmeIso.id()).param("ids", request.id().toString())
                        .with(csrf()),
                post("/engagements/{id}/requests/accept", acmeIso.id()).param("ids", request.id().toString())
                        .with(csrf()),
                multipart("/evidence-requests/{id}/files", request.id())
                        .file(new MockMultipartFile("file", "x.pdf", null, pdf())).with(csrf()));
        for (MockHttpServletRequestBuilder call : calls) {
            mvc.perform(call.with(as(globex))).andExpect(status().isNotFound());
        }
    }

    @Test
    void anAuditorDraftsAndSharesARequestThroughThePages() throws Exception {
        mvc.perform(get("/engagements/{id}/requests/new", acmeIso.id()).with(as(lead)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"controlIds\"")));
        String location = mvc.perform(post("/engagements/{id}/requests", acmeIso.id()).with(as(lead)).with(csrf())
                        .param("title", "Information security policy")
                        .param("controlIds", "A.5.1, a.5.2")
                        .param("owner", "acme")
                        .param("dueDate", LocalDate.now().plusDays(10).toString())
                        .param("asOfDate", LocalDate.now().toString()))
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));

        mvc.perform(post("/evidence-requests/{id}/share", id).with(as(lead)).with(csrf()))
                .andExpect(redirectedUrl("/evidence-requests/" + id));

        EvidenceRequest shared = requests.get(id, acme);
        assertThat(shared.status()).isEqualTo(EvidenceStatus.OPEN);
        assertThat(shared.controlIds()).containsExactly("A.5.1", "A.5.2");
    }

    @Test
    void showsTheFormAgainWithTheReasonWhenADraftBreaksARule() throws Exception {
        mvc.perform(post("/engagements/{id}/requests", acmeIso.id()).with(as(lead)).with(csrf())
                        .param("title", "Logs")
                        .param("dueDate", LocalDate.now().minusDays(1).toString())
                        .param("asOfDate", LocalDate.now().toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The due date cannot be in the past.")));
    }

    @Test
    void aClientUploadsSeveralFilesToSeveralRequestsInOneSubmit() throws Exception {
        EvidenceRequest first = shared("Access reviews");
        EvidenceRequest second = shared("Leavers");

        mvc.perform(get("/engagements/{id}/requests/upload", acmeIso.id()).with(as(acme)))
                .andExpect(content().string(containsString("files-" + first.id())))
                .andExpect(content().string(containsString("files-" + second.id())));
        mvc.perform(multipart("/engagements/{id}/requests/upload", acmeIso.id())
                        .file(new MockMultipartFile("files-" + first.id(), "q1.pdf", "application/pdf", pdf()))
                        .file(new MockMultipartFile("files-" + first.id(), "q2.csv", "text/csv", csv()))
                        .file(new MockMultipartFile("files-" + second.id(), "leavers.csv", "text/csv", csv()))
                        .param("evidenceDate-" + first.id(), "2026-03-31")
                        .param("submit-" + second.id(), "true")
                        .with(as(acme)).with(csrf()))
                .andExpect(redirectedUrl("/engagements/" + acmeIso.id() + "/requests"))
                .andExpect(flash().attribute("flash", "Stored 3 file(s); handed over 1 request(s)."));

        EvidenceRequestView firstView = requests.view(first.id(), acme);
        assertThat(firstView.files()).extracting(EvidenceFile::filename).containsExactly("q2.csv", "q1.pdf");
        assertThat(firstView.files()).extracting(EvidenceFile::evidenceDate)
                .containsOnly(LocalDate.parse("2026-03-31"));
        assertThat(firstView.request().status()).isEqualTo(EvidenceStatus.OPEN);
        assertThat(requests.view(second.id(), acme).files()).hasSize(1);
        assertThat(requests.get(second.id(), acme).status()).isEqualTo(EvidenceStatus.SUBMITTED);
    }

    @Test
    void anAuditorAcceptsSeveralSubmittedRequestsAtOnce() throws Exception {
        EvidenceRequest first = submitted("Vendor assessments");
        EvidenceRequest second = submitted("Capacity reports");
        int reviews = reviewSubmissions();

        mvc.perform(post("/engagements/{id}/requests/accept", acmeIso.id()).with(as(lead)).with(csrf())
                        .param("ids", first.id().toString(), second.id().toString())
                        .param("reason", "Complete for the period"))
                .andExpect(flash().attribute("flash", "Accepted 2 request(s)."));

        for (EvidenceRequest request : List.of(first, second)) {
            EvidenceRequestView view = requests.view(request.id(), lead);
            assertThat(view.request().status()).isEqualTo(EvidenceStatus.ACCEPTED);
            assertThat(view.thread()).last().satisfies(entry -> {
                assertThat(entry.kind()).isEqualTo(ThreadEntry.Kind.ACCEPTED);
                assertThat(entry.author()).isEqualTo("lead");
                assertThat(entry.body()).isEqualTo("Complete for the period");
            });
        }
        assertThat(reviewSubmissions()).as("each review task completed and recorded").isEqualTo(reviews + 2);
    }

    @Test
    void aClientUploadsFromTheProvideEvidenceTaskPageAndFindsTheRequestFromThere() throws Exception {
        EvidenceRequest request = shared("Asset register");
        String taskId = taskService.createTaskQuery().processInstanceId(requests.get(request.id(), lead)
                .processInstanceId()).taskDefinitionKey("ProvideEvidence").singleResult().getId();

        mvc.perform(get("/tasks/{id}", taskId).with(as(acme)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("formaction=\"/evidence-requests/for-task/" + taskId
                        + "/files?_csrf=")));
        mvc.perform(multipart("/evidence-requests/for-task/{id}/files", taskId)
                        .file(new MockMultipartFile("file", "assets.csv", "text/csv", csv()))
                        .param("clientNote", "typed in the task form, not saved by an upload")
                        .with(as(acme)).with(csrf()))
                .andExpect(redirectedUrl("/tasks/" + taskId))
                .andExpect(flash().attribute("flash", containsString("assets.csv")));
        mvc.perform(get("/evidence-requests/for-task/{id}", taskId).with(as(acme)))
                .andExpect(redirectedUrl("/evidence-requests/" + request.id()));

        assertThat(requests.view(request.id(), acme).files()).extracting(EvidenceFile::filename)
                .containsExactly("assets.csv");
    }

    @Test
    void theRequestPageShowsVersionsThreadAndWhatThePersonCanDo() throws Exception {
        EvidenceRequest request = shared("Network diagram");
        EvidenceFile file = upload(request, "network.pdf");
        requests.comment(request.id(), "Is the DMZ included?", lead);

        mvc.perform(get("/evidence-requests/{id}", request.id()).with(as(acme)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(file.sha256())))
                .andExpect(content().string(containsString("/evidence-requests/" + request.id() + "/files/"
                        + file.versionId())))
                .andExpect(content().string(containsString("Is the DMZ included?")))
                .andExpect(content().string(containsString("enctype=\"multipart/form-data\"")))
                .andExpect(content().string(containsString("/evidence-requests/" + request.id() + "/submit")))
                .andExpect(content().string(not(containsString("/evidence-requests/" + request.id() + "/review"))));

        tasks.submit(request.id(), Map.of(), acme);
        mvc.perform(get("/evidence-requests/{id}", request.id()).with(as(lead)))
                .andExpect(content().string(containsString("/evidence-requests/" + request.id() + "/review")));
    }

    @Test
    void anAuditorRejectsFromTheRequestPageOnlyWithAReason() throws Exception {
        EvidenceRequest request = submitted("Key rotation");

        mvc.perform(post("/evidence-requests/{id}/review", request.id()).with(as(lead)).with(csrf())
                        .param("decision", "reject"))
                .andExpect(flash().attribute("flashError", containsString("Say why")));
        assertThat(requests.get(request.id(), lead).status()).isEqualTo(EvidenceStatus.SUBMITTED);

        mvc.perform(post("/evidence-requests/{id}/review", request.id()).with(as(lead)).with(csrf())
                        .param("decision", "reject").param("reason", "Only one key shown"))
                .andExpect(redirectedUrlPattern("/evidence-requests/*"));
        mvc.perform(get("/evidence-requests/{id}", request.id()).with(as(acme)))
                .andExpect(content().string(containsString("Only one key shown")))
                .andExpect(content().string(containsString("Sent back")));
        String provideTask = taskService.createTaskQuery().processInstanceId(request.processInstanceId())
                .taskDefinitionKey("ProvideEvidence").singleResult().getId();
        mvc.perform(get("/tasks/{id}", provideTask).with(as(acme)))
                .andExpect(content().string(containsString("Only one key shown")));
    }

    @Test
    void downloadsAVersionAsAnAttachment() throws Exception {
        EvidenceRequest request = shared("Org chart");
        EvidenceFile file = upload(request, "org chart.pdf");

        mvc.perform(get("/evidence-requests/{id}/files/{v}", request.id(), file.versionId()).with(as(lead)))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf"))
                .andExpect(content().bytes(pdf()));
    }

    private EvidenceRequest draft(String title) {
        return requests.create(acmeIso.id(), new NewEvidenceRequest(title, null, List.of("A.5.9"), null,
                LocalDate.now().plusDays(20), null, null, LocalDate.now()), lead);
    }

    private EvidenceRequest shared(String title) {
        EvidenceRequest draft = draft(title);
        requests.share(List.of(draft.id()), lead);
        return requests.get(draft.id(), lead);
    }

    private EvidenceRequest submitted(String title) {
        EvidenceRequest request = shared(title);
        upload(request, "evidence.pdf");
        tasks.submit(request.id(), Map.of(), acme);
        return request;
    }

    private EvidenceFile upload(EvidenceRequest request, String filename) {
        return files.upload(request.id(), filename, null, new java.io.ByteArrayInputStream(pdf()), acme);
    }

    private int reviewSubmissions() {
        return jdbc.sql("select count(*) from task_submission where task_key = 'ReviewEvidence'")
                .query(Integer.class).single();
    }

    private static byte[] pdf() {
        return "%PDF-1.4\nnot really a pdf, but its magic number is right\n".getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] csv() {
        return "user,left\nbob,2026-02-01\n".getBytes(StandardCharsets.UTF_8);
    }

    private AuthenticatedUser principal(String username) {
        return (AuthenticatedUser) users.loadUserByUsername(username);
    }

    private static RequestPostProcessor as(AuthenticatedUser principal) {
        return user(principal);
    }
}
