package org.auditmanager.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.auditmanager.DemoUsers;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.engagement.Engagements;
import org.auditmanager.security.AuthenticatedUser;
import org.auditmanager.security.CamundaGroups;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** 2,000 open tasks for one organisation: the list pages and filters, and another organisation sees none of them. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("demo")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// the 2,000 tasks stay in this context's database: drop it afterwards
@DirtiesContext
class LargeTaskListTest {

    private static final int TASKS = 2_000;

    @Autowired MockMvc mvc;
    @Autowired TaskLists lists;
    @Autowired TaskWorkspaces workspaces;
    @Autowired Engagements engagements;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired DemoUsers users;

    private AuthenticatedUser acme;
    private Engagement engagement;
    /** What other tests sharing this context left open for Acme, counted before the fixture: filter → count. */
    private final Map<TaskFilter, Long> before = new java.util.HashMap<>();

    @BeforeAll
    void openTwoThousandTasksForAcme() {
        acme = users.get("acme");
        // the engagement where Acme already has its contact task open
        engagement = engagements.get(lists.list(acme, TaskFilter.NONE, 0, 1).items().get(0).engagementId(), acme);
        for (TaskFilter filter : List.of(TaskFilter.NONE, overdue(), dueWithinWeek(), engagementOnly(), unassigned())) {
            before.put(filter, lists.list(acme, filter, 0, 1).total());
        }
        repositoryService.createDeployment().addClasspathResource("bpmn/many-client-tasks.bpmn").deploy();
        runtimeService.startProcessInstanceByKey("many-client-tasks", engagement.reference(), Map.of(
                "clientGroup", CamundaGroups.organisationGroup(acme.organisationId()), "count", TASKS));
    }

    @Test
    void pagesThroughAllTasksSoonestDueFirst() {
        TaskPage first = lists.list(acme, TaskFilter.NONE, 0, 50);
        TaskPage last = lists.list(acme, TaskFilter.NONE, first.pages() - 1, 50);
        long total = TASKS + before.get(TaskFilter.NONE);
        assertThat(first.total()).isEqualTo(total);
        assertThat(first.items()).hasSize(50);
        assertThat(first.pages()).isEqualTo((int) ((total + 49) / 50));
        assertThat(last.items()).hasSize((int) (total - 50L * (first.pages() - 1)));
        Instant previous = Instant.MIN;
        for (TaskItem item : first.items()) {
            assertThat(item.due()).isAfterOrEqualTo(previous);
            previous = item.due();
        }
    }

    @Test
    void filtersOverdueDueSoonEngagementAndAssignment() {
        // task k is due (k % 30 - 10) days from its creation, a moment before the query: k % 30 <= 10 is
        // overdue (66 full rounds of 30 and 11 of the last 20), k % 30 <= 17 is due within 7 days
        assertThat(lists.list(acme, overdue(), 0, 1).total()).isEqualTo(66 * 11 + 11 + before.get(overdue()));
        assertThat(lists.list(acme, dueWithinWeek(), 0, 1).total()).isEqualTo(66 * 18 + 18 + before.get(dueWithinWeek()));
        assertThat(lists.list(acme, new TaskFilter(null, "AnswerRequest", null, null, null), 0, 1).total()).isEqualTo(TASKS);
        assertThat(lists.list(acme, engagementOnly(), 0, 1).total()).isEqualTo(TASKS + before.get(engagementOnly()));
        assertThat(lists.list(acme, new TaskFilter(null, null, "mine", null, null), 0, 1).total()).isZero();
        assertThat(lists.list(acme, unassigned(), 0, 1).total()).isEqualTo(TASKS + before.get(unassigned()));
    }

    @Test
    void theWorkspaceGroupsAPageAndCountsEveryQuickFilterOverAllOfThem() {
        TaskWorkspace workspace = workspaces.of("/tasks", acme, TaskFilter.NONE, 3, 25);
        assertThat(workspace.groups()).flatExtracting(TaskGroup::items).hasSize(25);
        assertThat(workspace.groups()).filteredOn(group -> group.engagementId().equals(engagement.id()))
                .singleElement().satisfies(group -> assertThat(group.total())
                        .isEqualTo(TASKS + before.get(engagementOnly())));
        FilterCounts counts = workspace.counts();
        assertThat(counts.overdue()).isEqualTo(66 * 11 + 11 + before.get(overdue()));
        assertThat(counts.unassigned()).isEqualTo(TASKS + before.get(unassigned()));
        assertThat(counts.mine()).isZero();
    }

    private static TaskFilter overdue() {
        return new TaskFilter(null, null, null, true, null);
    }

    private static TaskFilter dueWithinWeek() {
        return new TaskFilter(null, null, null, null, 7);
    }

    private TaskFilter engagementOnly() {
        return new TaskFilter(engagement.id(), null, null, null, null);
    }

    private static TaskFilter unassigned() {
        return new TaskFilter(null, null, "unassigned", null, null);
    }

    @Test
    void theApiAndThePageServeALatePage() throws Exception {
        mvc.perform(get("/api/tasks?page=39&size=50&overdue=true").with(httpBasic("acme", "acme")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page").value(39));
        mvc.perform(get("/tasks?page=80").with(user(acme)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Page 81 of")));
    }

    @Test
    void anotherOrganisationSeesNoneOfThem() {
        assertThat(lists.list(users.get("globex"), TaskFilter.NONE, 0, 50).items())
                .noneMatch(item -> item.engagementId().equals(engagement.id()));
    }
}
