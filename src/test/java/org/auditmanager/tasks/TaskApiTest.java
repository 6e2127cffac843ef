package org.auditmanager.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.auditmanager.DemoUsers;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.engagement.EngagementKind;
import org.auditmanager.engagement.Engagements;
import org.auditmanager.engagement.Framework;
import org.auditmanager.engagement.NewEngagement;
import org.auditmanager.organisation.Organisations;
import org.auditmanager.security.NewUser;
import org.auditmanager.security.Role;
import org.auditmanager.security.UserAccounts;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** The task API on a fresh Acme engagement per test, planned by its lead, where Acme must confirm its contacts. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("demo")
class TaskApiTest {

    private static final String VALID_CONTACTS = """
            {"contactName": "Carl Compliance", "contactEmail": "carl@acme.example",
             "fieldworkModes": ["remote"], "auditLanguage": "en"}""";

    @Autowired MockMvc mvc;
    @Autowired TaskLists taskLists;
    @Autowired Engagements engagements;
    @Autowired DemoUsers users;
    @Autowired TaskActions taskActions;
    @Autowired Organisations organisations;
    @Autowired UserAccounts accounts;

    private String taskId;
    private Engagement engagement;

    @BeforeEach
    void newAcmeEngagementWaitingForContacts() {
        engagement = engagements.create(new NewEngagement(organisations.findByName("Acme Cloud Ltd").orElseThrow().id(),
                Framework.ISO27001, EngagementKind.CERTIFICATION_CYCLE, "Task API test", "scope", "lead", List.of(),
                null, null, null, null, null, null), users.get("manager"));
        String planTask = taskLists.list(users.get("lead"), onlyThisEngagement(), 0, 1).items().get(0).id();
        taskActions.complete(planTask, Map.of("plannedStart", List.of("2027-01-04"), "plannedEnd", List.of("2027-01-08"),
                "auditorDays", List.of("5"), "decision", List.of("accept"), "independenceConfirmed", List.of("true")),
                users.get("lead"));
        taskId = taskLists.list(users.get("acme"), onlyThisEngagement(), 0, 1).items().get(0).id();
    }

    private TaskFilter onlyThisEngagement() {
        return new TaskFilter(engagement.id(), null, null, null, null);
    }

    @Test
    void listsTheClientsTaskWithItsEngagement() throws Exception {
        mvc.perform(get("/api/tasks?engagementId={id}", engagement.id()).with(httpBasic("acme", "acme")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].taskKey").value("ConfirmAuditContacts"))
                .andExpect(jsonPath("$.items[0].engagementReference").value(engagement.reference()))
                .andExpect(jsonPath("$.items[0].due").isNotEmpty());
    }

    @Test
    void showsTheTaskWithItsFormSchema() throws Exception {
        mvc.perform(get("/api/tasks/{id}", taskId).with(httpBasic("acme", "acme")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.form.id").value("audit-contacts"))
                .andExpect(jsonPath("$.form.components[1].key").value("contactName"))
                .andExpect(jsonPath("$.workable").value(true));
    }

    @Test
    void anotherOrganisationGets404ForTheTaskAndCannotTouchIt() throws Exception {
        mvc.perform(get("/api/tasks/{id}", taskId).with(httpBasic("globex", "globex"))).andExpect(status().isNotFound());
        mvc.perform(post("/api/tasks/{id}/claim", taskId).with(httpBasic("globex", "globex"))).andExpect(status().isNotFound());
        mvc.perform(post("/api/tasks/{id}/complete", taskId).with(httpBasic("globex", "globex"))
                .contentType(MediaType.APPLICATION_JSON).content(VALID_CONTACTS)).andExpect(status().isNotFound());
        mvc.perform(get("/api/tasks").with(httpBasic("globex", "globex")))
                .andExpect(jsonPath("$.items[*].id").value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(taskId))));
    }

    @Test
    void refusesAnIncompleteFormNamingEachFieldAndChangesNothing() throws Exception {
        mvc.perform(post("/api/tasks/{id}/complete", taskId).with(httpBasic("acme", "acme"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"contactEmail\": \"not-an-address\", \"auditLanguage\": \"tlh\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.contactName").value("This field is required."))
                .andExpect(jsonPath("$.errors.contactEmail").isNotEmpty())
                .andExpect(jsonPath("$.errors.fieldworkModes").isNotEmpty())
                .andExpect(jsonPath("$.errors.auditLanguage").value("Choose one of the options offered."));
        assertThat(taskLists.list(users.get("acme"), onlyThisEngagement(), 0, 10).items())
                .extracting(TaskItem::id).containsExactly(taskId);
    }

    @Test
    void completesAValidFormAndMovesTheEngagementOn() throws Exception {
        mvc.perform(post("/api/tasks/{id}/complete", taskId).with(httpBasic("acme", "acme"))
                        .contentType(MediaType.APPLICATION_JSON).content(VALID_CONTACTS))
                .andExpect(status().isNoContent());
        // the demo engagement is a SOC 2 examination: after the kick-off its acceptance begins
        assertThat(engagements.get(engagement.id(), users.get("acme")).status()).isEqualTo("APPLICATION_REVIEW");

        mvc.perform(post("/api/tasks/{id}/complete", taskId).with(httpBasic("acme", "acme"))
                        .contentType(MediaType.APPLICATION_JSON).content(VALID_CONTACTS))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("This task was already completed by Carl Compliance."));
    }

    @Test
    void aClaimedTaskIsRefusedToOthersWithTheClaimersName() throws Exception {
        mvc.perform(post("/api/tasks/{id}/claim", taskId).with(httpBasic("acme", "acme")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.assignee").value("acme"));
        if (!accounts.exists("acme-colleague")) {
            accounts.create(new NewUser("acme-colleague", "Cleo Colleague", "cleo@client.example", "acme-colleague",
                    Set.of(Role.CLIENT), users.get("acme").organisationId()));
        }
        mvc.perform(post("/api/tasks/{id}/complete", taskId).with(httpBasic("acme-colleague", "acme-colleague"))
                        .contentType(MediaType.APPLICATION_JSON).content(VALID_CONTACTS))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("This task is already claimed by Carl Compliance."));
        // someone the task is not offered to learns nothing about its state
        mvc.perform(post("/api/tasks/{id}/complete", taskId).with(httpBasic("manager", "manager"))
                        .contentType(MediaType.APPLICATION_JSON).content(VALID_CONTACTS))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("This task is not offered to you or to any of your groups."));
        mvc.perform(post("/api/tasks/{id}/unclaim", taskId).with(httpBasic("acme", "acme")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.assignee").doesNotExist());
    }

    @Test
    void staffWhoAreNotCandidatesMayReadButNotWorkOnAClientTask() throws Exception {
        mvc.perform(get("/api/tasks/{id}", taskId).with(httpBasic("manager", "manager")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.workable").value(false));
        mvc.perform(post("/api/tasks/{id}/claim", taskId).with(httpBasic("manager", "manager")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("This task is not offered to you or to any of your groups."));
    }

    @Test
    void malformedJsonAndBadPagingAnswer400WithAReason() throws Exception {
        mvc.perform(post("/api/tasks/{id}/complete", taskId).with(httpBasic("acme", "acme"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"contactName\": "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("The request body is not well-formed JSON."));
        mvc.perform(get("/api/tasks?size=1000").with(httpBasic("acme", "acme")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("size must be between 1 and 200."));
    }

    @Test
    void handsATaskOverToAColleagueOfTheSameOrganisationOverTheApi() throws Exception {
        if (!accounts.exists("acme-colleague")) {
            accounts.create(new NewUser("acme-colleague", "Cleo Colleague", "cleo@client.example", "acme-colleague",
                    Set.of(Role.CLIENT), users.get("acme").organisationId()));
        }
        mvc.perform(get("/api/tasks/colleagues").with(httpBasic("acme", "acme")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.username == 'acme-colleague')].displayName").value("Cleo Colleague"))
                .andExpect(jsonPath("$.items[?(@.username == 'lead')]").isEmpty());
        mvc.perform(post("/api/tasks/{id}/hand-over", taskId).with(httpBasic("acme", "acme"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"to\": \"lead\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Choose a colleague of your own organisation."));

        mvc.perform(post("/api/tasks/{id}/hand-over", taskId).with(httpBasic("acme", "acme"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"to\": \"acme-colleague\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.assignee").value("acme-colleague"));
        mvc.perform(post("/api/tasks/{id}/unclaim", taskId).with(httpBasic("acme-colleague", "acme-colleague")))
                .andExpect(status().isOk());
    }

    @Test
    void filtersByTheFirmsWorkQueuesForStaffOnly() throws Exception {
        mvc.perform(get("/api/tasks?queue=SIGN_OFF").with(httpBasic("lead", "lead")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].taskKey").value(org.hamcrest.Matchers.everyItem(
                        org.hamcrest.Matchers.in(TaskQueue.SIGN_OFF.taskKeys()))));
        mvc.perform(get("/api/tasks?queue=SIGN_OFF").with(httpBasic("acme", "acme")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("The work queues are the audit firm's; filter by taskKey instead."));
        mvc.perform(get("/api/tasks?queue=COFFEE").with(httpBasic("lead", "lead")))
                .andExpect(status().isBadRequest());
    }
}
