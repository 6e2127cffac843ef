package org.auditmanager.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.auditmanager.DemoUsers;
import org.auditmanager.common.ConflictException;
import org.auditmanager.forms.BoundForm;
import org.auditmanager.security.AuthenticatedUser;
import org.auditmanager.security.NewUser;
import org.auditmanager.security.Role;
import org.auditmanager.security.UserAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** Two people of one organisation on one task: exactly one completes it, the other loses nothing they typed. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("demo")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class TaskConcurrencyTest {

    private static final Map<String, List<String>> CONTACTS = Map.of("contactName", List.of("Carl Compliance"),
            "contactEmail", List.of("carl@acme.example"), "fieldworkModes", List.of("remote"),
            "auditLanguage", List.of("en"));

    @Autowired MockMvc mvc;
    @Autowired TaskActions actions;
    @Autowired TaskLists lists;
    @Autowired UserAccounts accounts;
    @Autowired DemoUsers users;
    @Autowired JdbcClient jdbc;

    private AuthenticatedUser carl;
    private AuthenticatedUser dana;
    private String taskId;

    @BeforeEach
    void twoColleaguesOfAcme() {
        carl = users.get("acme");
        accounts.create(new NewUser("dana", "Dana Deputy", "dana@client.example", "dana", Set.of(Role.CLIENT),
                carl.organisationId()));
        dana = users.get("dana");
        taskId = lists.list(carl, TaskFilter.NONE, 0, 10).items().get(0).id();
    }

    @Test
    void twoSimultaneousCompletionsLeaveExactlyOneWinner() throws Exception {
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<BoundForm>> attempts = new ArrayList<>();
        for (AuthenticatedUser person : List.of(carl, dana)) {
            attempts.add(pool.submit(() -> {
                together.await(10, TimeUnit.SECONDS);
                return actions.complete(taskId, CONTACTS, person);
            }));
        }
        int completed = 0;
        List<Throwable> refused = new ArrayList<>();
        for (Future<BoundForm> attempt : attempts) {
            try {
                attempt.get(60, TimeUnit.SECONDS);
                completed++;
            } catch (java.util.concurrent.ExecutionException e) {
                refused.add(e.getCause());
            }
        }
        pool.shutdown();

        assertThat(completed).isOne();
        assertThat(refused).singleElement().isInstanceOf(ConflictException.class)
                .extracting(Throwable::getMessage).asString().containsAnyOf("already completed by", "already claimed by");
        assertThat(jdbc.sql("select count(*) from task_submission where task_id = :id").param("id", taskId)
                .query(Integer.class).single()).as("only the winner's submission is stored").isOne();
    }

    @Test
    void theLaterPersonSeesWhoWasFasterAndTheFormStillHoldsWhatTheyTyped() throws Exception {
        actions.complete(taskId, CONTACTS, carl);

        mvc.perform(post("/tasks/{id}/complete", taskId).with(user(dana)).with(csrf())
                        .param("contactName", "Dana Deputy").param("contactEmail", "dana@acme.example")
                        .param("fieldworkModes", "onsite").param("auditLanguage", "de"))
                .andExpect(status().isConflict())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "This task was already completed by Carl Compliance.")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"Dana Deputy\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"dana@acme.example\"")));
    }
}
