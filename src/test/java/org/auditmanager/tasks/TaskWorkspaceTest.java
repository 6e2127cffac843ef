package org.auditmanager.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.auditmanager.DemoUsers;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.engagement.EngagementKind;
import org.auditmanager.engagement.Engagements;
import org.auditmanager.engagement.Framework;
import org.auditmanager.engagement.NewEngagement;
import org.auditmanager.evidence.EvidenceFiles;
import org.auditmanager.evidence.EvidenceRequest;
import org.auditmanager.evidence.EvidenceRequests;
import org.auditmanager.evidence.EvidenceTasks;
import org.auditmanager.evidence.NewEvidenceRequest;
import org.auditmanager.security.AuthenticatedUser;
import org.auditmanager.security.CamundaGroups;
import org.auditmanager.security.NewUser;
import org.auditmanager.security.Role;
import org.auditmanager.security.UserAccounts;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The compliance manager's and the auditors' workspaces: tasks grouped by engagement, soonest due first, the
 * counts of the quick filters, claiming and handing over from the list, the auditors' work queues, and that
 * another organisation never sees any of it. Each test works on an engagement of its own so that the counts
 * do not depend on what other tests left open.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("demo")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskWorkspaceTest {

    private static final String COLLEAGUE = "acme-colleague";

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired UserAccounts accounts;
    @Autowired Engagements engagements;
    @Autowired TaskWorkspaces workspaces;
    @Autowired TaskLists lists;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired EvidenceRequests requests;
    @Autowired EvidenceFiles files;
    @Autowired EvidenceTasks evidenceTasks;

    private AuthenticatedUser acme;
    private AuthenticatedUser globex;
    private Engagement engagement;

    @BeforeAll
    void deployTheFixtureAndAddAColleague() {
        repositoryService.createDeployment().addClasspathResource("bpmn/workspace-client-tasks.bpmn").deploy();
        acme = users.get("acme");
        globex = users.get("globex");
        if (!accounts.exists(COLLEAGUE)) {
            accounts.create(new NewUser(COLLEAGUE, "Cleo Colleague", "cleo@client.example", COLLEAGUE,
                    Set.of(Role.CLIENT), acme.organisationId()));
        }
    }

    @BeforeEach
    void anAcmeEngagementWithThreeClientTasks() {
        engagement = engagements.create(new NewEngagement(acme.organisationId(), Framework.ISO27001,
                EngagementKind.CERTIFICATION_CYCLE, "Workspace fixture " + System.nanoTime(), "Everything", "lead",
                List.of(), "reviewer", null, null, null, null, null), users.get("manager"));
        runtimeService.startProcessInstanceByKey("workspace-client-tasks", engagement.reference(),
                Map.of("clientGroup", CamundaGroups.organisationGroup(acme.organisationId())));
    }

    private TaskFilter onlyThisEngagement() {
        return TaskFilter.NONE.withEngagement(engagement.id());
    }

    private Task task(String key) {
        return taskService.createTaskQuery().processInstanceBusinessKey(engagement.reference())
                .taskDefinitionKey(key).singleResult();
    }

    @Test
    void groupsTheOrganisationsTasksByEngagementSoonestDueFirst() throws Exception {
        TaskWorkspace all = workspaces.of("/tasks", acme, TaskFilter.NONE, 0, 200);
        assertThat(all.groups()).extracting(TaskGroup::engagementId).doesNotHaveDuplicates()
                .contains(engagement.id());
        assertThat(all.groups()).allSatisfy(group -> {
            assertThat(group.items()).allMatch(item -> item.engagementId().equals(group.engagementId()));
            assertThat(group.organisationName()).isEqualTo("Acme Cloud Ltd");
        });
        TaskGroup ours = all.groups().stream().filter(group -> group.engagementId().equals(engagement.id()))
                .findFirst().orElseThrow();
        assertThat(ours.items()).extracting(TaskItem::taskKey)
                .containsExactly("SendPolicy", "AnswerQuestionnaire", "SignLetter");
        assertThat(ours.total()).isEqualTo(3);

        String page = mvc.perform(get("/tasks").param("engagementId", engagement.id().toString()).with(user(acme)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"group-" + engagement.reference() + "\"")))
                .andExpect(content().string(containsString("3 open tasks")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page.indexOf(">Send the access policy</a>")).isPositive()
                .isLessThan(page.indexOf(">Answer the questionnaire</a>"));
        assertThat(page.indexOf(">Answer the questionnaire</a>"))
                .isLessThan(page.indexOf(">Sign the representation letter</a>"));
        assertThat(page).contains("class=\"task-row overdue\"").contains("class=\"task-row due-soon\"");
    }

    @Test
    void countsWhatEachQuickFilterWouldShow() throws Exception {
        FilterCounts counts = lists.counts(acme, onlyThisEngagement());
        assertThat(counts.overdue()).isEqualTo(1);
        assertThat(counts.dueSoon()).isEqualTo(2);
        assertThat(counts.unassigned()).isEqualTo(3);
        assertThat(counts.mine()).isZero();
        assertThat(counts.queues()).isEmpty();

        taskService.claim(task("SignLetter").getId(), "acme");
        FilterCounts afterClaim = lists.counts(acme, onlyThisEngagement());
        assertThat(afterClaim.mine()).isEqualTo(1);
        assertThat(afterClaim.unassigned()).isEqualTo(2);

        mvc.perform(get("/tasks").param("engagementId", engagement.id().toString()).with(user(acme)))
                .andExpect(content().string(containsString("<span>Overdue</span> <strong>1</strong>")))
                .andExpect(content().string(containsString("<span>Assigned to me</span> <strong>1</strong>")))
                .andExpect(content().string(containsString("<span>Unassigned</span> <strong>2</strong>")));
    }

    @Test
    void filtersByTaskTypeDueWindowAndOverdue() {
        assertThat(lists.list(acme, onlyThisEngagement().withOverdue(true), 0, 10).items())
                .extracting(TaskItem::taskKey).containsExactly("SendPolicy");
        assertThat(lists.list(acme, onlyThisEngagement().withDueWithinDays(10), 0, 10).items())
                .extracting(TaskItem::taskKey).containsExactly("SendPolicy", "AnswerQuestionnaire");
        assertThat(lists.list(acme, new TaskFilter(engagement.id(), "SignLetter", null, null, null), 0, 10).items())
                .extracting(TaskItem::taskKey).containsExactly("SignLetter");
        assertThat(lists.list(acme, onlyThisEngagement().withAssignment("unassigned"), 0, 10).total()).isEqualTo(3);
    }

    @Test
    void claimsHandsBackAndHandsOverToAColleagueFromTheList() throws Exception {
        String taskId = task("SendPolicy").getId();
        String back = "/tasks?engagementId=" + engagement.id();
        mvc.perform(post("/tasks/{id}/assignment", taskId).param("action", "claim").param("returnTo", back)
                        .with(user(acme)).with(csrf()))
                .andExpect(redirectedUrl(back))
                .andExpect(flash().attribute("flash", "You claimed: Send the access policy"));
        assertThat(task("SendPolicy").getAssignee()).isEqualTo("acme");

        mvc.perform(post("/tasks/{id}/assignment", taskId).param("action", "handOver").param("to", COLLEAGUE)
                        .param("returnTo", back).with(user(acme)).with(csrf()))
                .andExpect(redirectedUrl(back))
                .andExpect(flash().attribute("flash", "Handed Send the access policy over to Cleo Colleague."));
        assertThat(task("SendPolicy").getAssignee()).isEqualTo(COLLEAGUE);

        // now the colleague's: Carl can no longer hand it on or back
        mvc.perform(post("/tasks/{id}/assignment", taskId).param("action", "unclaim").with(user(acme)).with(csrf()))
                .andExpect(redirectedUrl("/tasks"))
                .andExpect(flash().attribute("flashError", "Only the person a task is assigned to can hand it back."));
        AuthenticatedUser cleo = users.get(COLLEAGUE);
        mvc.perform(post("/tasks/{id}/assignment", taskId).param("action", "unclaim").with(user(cleo)).with(csrf()))
                .andExpect(flash().attribute("flash", "You handed back: Send the access policy"));
        assertThat(task("SendPolicy").getAssignee()).isNull();
    }

    @Test
    void handsOverOnlyToColleaguesOfTheSameOrganisation() throws Exception {
        String taskId = task("AnswerQuestionnaire").getId();
        for (String outsider : List.of("globex", "lead", "nobody-of-that-name", "acme")) {
            mvc.perform(post("/tasks/{id}/assignment", taskId).param("action", "handOver").param("to", outsider)
                            .with(user(acme)).with(csrf()))
                    .andExpect(flash().attribute("flashError", "Choose a colleague of your own organisation."));
        }
        assertThat(task("AnswerQuestionnaire").getAssignee()).isNull();
        assertThat(workspaces.of("/tasks", acme, onlyThisEngagement(), 0, 25).colleagues())
                .extracting(Colleague::username).containsExactly(COLLEAGUE);
        // a return address elsewhere is not followed
        mvc.perform(post("/tasks/{id}/assignment", taskId).param("action", "claim")
                        .param("returnTo", "https://elsewhere.example/").with(user(acme)).with(csrf()))
                .andExpect(redirectedUrl("/tasks"));
    }

    @Test
    void globexNeverSeesAcmeTasksAndCannotTouchThem() throws Exception {
        assertThat(workspaces.of("/tasks", globex, TaskFilter.NONE, 0, 200).groups())
                .noneMatch(group -> group.engagementId().equals(engagement.id()))
                .allMatch(group -> group.organisationName().equals("Globex Corp"));
        assertThat(lists.count(globex, onlyThisEngagement())).isZero();
        for (String path : List.of("/", "/tasks", "/tasks?engagementId=" + engagement.id())) {
            mvc.perform(get(path).with(user(globex)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(not(containsString(engagement.reference()))))
                    .andExpect(content().string(not(containsString(">Send the access policy</a>"))))
                    .andExpect(content().string(not(containsString("Acme Cloud"))))
                    .andExpect(content().string(not(containsString("Carl Compliance"))));
        }
        mvc.perform(post("/tasks/{id}/assignment", task("SendPolicy").getId()).param("action", "claim")
                        .with(user(globex)).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(task("SendPolicy").getAssignee()).isNull();
    }

    @Test
    void theLeadAuditorsHomeShowsSubmittedEvidenceInTheReviewQueueAndOtherAuditorsDoNot() throws Exception {
        AuthenticatedUser lead = users.get("lead");
        EvidenceRequest request = requests.create(engagement.id(), new NewEvidenceRequest("Access review records",
                null, List.of("A.5.18"), null, LocalDate.now().plusDays(20), null, null, LocalDate.now()), lead);
        requests.share(List.of(request.id()), lead);
        files.upload(request.id(), "review.pdf", null, new ByteArrayInputStream(
                "%PDF-1.4\nreview\n".getBytes(StandardCharsets.US_ASCII)), acme);
        evidenceTasks.submit(request.id(), Map.of(), acme);

        TaskFilter reviews = onlyThisEngagement().withQueue(TaskQueue.EVIDENCE_REVIEW);
        assertThat(lists.list(lead, reviews, 0, 10).items()).extracting(TaskItem::taskKey)
                .containsExactly("ReviewEvidence");
        assertThat(lists.counts(lead, onlyThisEngagement()).queues())
                .containsEntry(TaskQueue.EVIDENCE_REVIEW, 1L).containsEntry(TaskQueue.SIGN_OFF, 0L);
        mvc.perform(get("/").param("engagementId", engagement.id().toString()).with(user(lead)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"queue-EVIDENCE_REVIEW\"")))
                .andExpect(content().string(containsString("Review evidence")))
                .andExpect(content().string(containsString("No decision waits.")));

        // not on the team: neither the queue nor the engagement
        AuthenticatedUser auditor = users.get("auditor");
        assertThat(lists.list(auditor, TaskFilter.NONE.withQueue(TaskQueue.EVIDENCE_REVIEW), 0, 200).items())
                .noneMatch(item -> item.engagementId().equals(engagement.id()));
        // the manager oversees every engagement's queue, though the review is not offered to them
        AuthenticatedUser manager = users.get("manager");
        assertThat(lists.oversee(manager, reviews, 0, 10).total()).isEqualTo(1);
        assertThat(lists.list(manager, reviews, 0, 10).total()).isZero();
        // and the client's home has no work queues
        mvc.perform(get("/").with(user(acme)))
                .andExpect(content().string(not(containsString("Evidence to review"))));
    }

    @Test
    void engagementsWithOverdueTasksAreAtRiskOnTheStaffHome() throws Exception {
        // the client's overdue task counts for the lead auditor and the manager, who is not offered it
        mvc.perform(get("/").param("engagementId", engagement.id().toString()).with(user(users.get("lead"))))
                .andExpect(content().string(containsString("id=\"risk-" + engagement.reference() + "\"")));
        mvc.perform(get("/").param("engagementId", engagement.id().toString()).with(user(users.get("manager"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"risk-" + engagement.reference() + "\"")));
        mvc.perform(get("/").param("engagementId", engagement.id().toString()).with(user(users.get("auditor"))))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"risk-" + engagement.reference() + "\""))));
    }
}
