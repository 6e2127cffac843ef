package org.auditmanager.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
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
@DirtiesContext
class LargeTaskListTest {

    private static final int TASKS = 2_000;

    @Autowired MockMvc mvc;
    @Autowired TaskLists lists;
    @Autowired Engagements engagements;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired DemoUsers users;

    private AuthenticatedUser acme;
    private Engagement engagement;

    @BeforeAll
    void openTwoThousandTasksForAcme() {
        acme = users.get("acme");
        // the newest Acme engagement that offers Acme a task of its own (other tests in this cached context add
        // Acme engagements whose only task is the lead auditor's)
        engagement = engagements.visibleTo(acme, 0, 50).stream()
                .filter(candidate -> lists.openTasksOf(candidate, acme).size() == 1)
                .findFirst().orElseThrow();
        repositoryService.createDeployment().addClasspathResource("bpmn/many-client-tasks.bpmn").deploy();
        runtimeService.startProcessInstanceByKey("many-client-tasks", engagement.reference(), Map.of(
                "clientGroup", CamundaGroups.organisationGroup(acme.organisationId()), "count", TASKS));
    }

    @Test
    void pagesThroughAllTasksSoonestDueFirst() {
        TaskPage first = lists.list(acme, TaskFilter.NONE, 0, 50);
        TaskPage last = lists.list(acme, TaskFilter.NONE, first.pages() - 1, 50);
        assertThat(first.total()).isEqualTo(TASKS + 1);
        assertThat(first.items()).hasSize(50);
        assertThat(first.pages()).isEqualTo(41);
        assertThat(last.items()).hasSize(1);
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
        long overdue = lists.list(acme, new TaskFilter(null, null, null, true, null), 0, 1).total();
        assertThat(overdue).isEqualTo(66 * 11 + 11);
        long dueWithinWeek = lists.list(acme, new TaskFilter(null, null, null, null, 7), 0, 1).total();
        assertThat(dueWithinWeek).isEqualTo(66 * 18 + 18);
        assertThat(lists.list(acme, new TaskFilter(null, "AnswerRequest", null, null, null), 0, 1).total()).isEqualTo(TASKS);
        assertThat(lists.list(acme, new TaskFilter(engagement.id(), null, null, null, null), 0, 1).total())
                .as("the fixture tasks and the engagement's own contact task").isEqualTo(TASKS + 1);
        assertThat(lists.list(acme, new TaskFilter(null, null, "mine", null, null), 0, 1).total()).isZero();
        assertThat(lists.list(acme, new TaskFilter(null, null, "unassigned", null, null), 0, 1).total()).isEqualTo(TASKS + 1);
    }

    @Test
    void theApiAndThePageServeALatePage() throws Exception {
        mvc.perform(get("/api/tasks?page=39&size=50&overdue=true").with(httpBasic("acme", "acme")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page").value(39));
        mvc.perform(get("/tasks?page=80").with(user(acme)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Page 81 of 81")));
    }

    @Test
    void anotherOrganisationSeesNoneOfThem() {
        assertThat(lists.list(users.get("globex"), TaskFilter.NONE, 0, 50).items())
                .noneMatch(item -> item.engagementId().equals(engagement.id()));
    }
}
