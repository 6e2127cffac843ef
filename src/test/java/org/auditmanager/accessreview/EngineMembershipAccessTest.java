package org.auditmanager.accessreview;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.auditmanager.DemoUsers;
import org.auditmanager.accessreview.DemoAccessMatrix.DemoEngagement;
import org.auditmanager.engagement.Engagements;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Cockpit, Tasklist and /engine-rest show each person the same engagements the app does, over real HTTP: the
 * engine checks its own authorizations, which follow engagement membership. Same context as
 * EngineAndWebappAccessTest (the real engine name "default", which the webapps and the REST API address).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.generate-unique-process-engine-name=false")
@ActiveProfiles("demo")
class EngineMembershipAccessTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String KICKOFF = "engagement-kickoff";

    @LocalServerPort int port;
    @Autowired Engagements engagements;
    @Autowired DemoUsers users;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ObjectMapper json;

    private final HttpClient basic = HttpClient.newHttpClient();

    private String reference(DemoEngagement engagement) {
        return engagement.in(engagements, users.get("manager")).reference();
    }

    private HttpResponse<String> send(HttpClient client, String method, String path, String basicUser, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (basicUser != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((basicUser + ":" + basicUser).getBytes(StandardCharsets.UTF_8)));
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private long count(HttpClient client, String path, String basicUser) throws Exception {
        HttpResponse<String> response = send(client, "GET", path, basicUser, null);
        assertThat(response.statusCode()).as(path + " for " + basicUser).isEqualTo(200);
        return json.readTree(response.body()).get("count").asLong();
    }

    private HttpClient signedIn(String username) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        Matcher token = CSRF.matcher(send(client, "GET", "/login", null, null).body());
        assertThat(token.find()).isTrue();
        String form = "username=" + username + "&password=" + username + "&_csrf="
                + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        // the webapps take the person over from our login on their first page
        assertThat(send(client, "GET", "/camunda/app/tasklist/default/", null, null).statusCode()).isEqualTo(200);
        return client;
    }

    /** The business keys of what the engine shows this person, one request per kind of thing. */
    private Set<String> businessKeys(String path, String field, String basicUser) throws Exception {
        HttpResponse<String> response = send(basic, "GET", path, basicUser, null);
        assertThat(response.statusCode()).as(path + " for " + basicUser).isEqualTo(200);
        Set<String> keys = new TreeSet<>();
        json.readTree(response.body()).forEach(item -> keys.add(item.get(field).asText()));
        return keys;
    }

    @Test
    void engineRestShowsEachStaffMemberTheInstancesAndTasksOfTheirEngagementsOnly() throws Exception {
        Map<String, DemoEngagement> byReference = new HashMap<>();
        for (DemoEngagement engagement : DemoEngagement.values()) {
            byReference.put(reference(engagement), engagement);
        }
        for (Map.Entry<String, Set<DemoEngagement>> row : DemoAccessMatrix.STAFF.entrySet()) {
            String user = row.getKey();
            Set<String> reached = new TreeSet<>();
            Set<String> running = new TreeSet<>();
            byReference.forEach((ref, engagement) -> {
                if (row.getValue().contains(engagement)) {
                    reached.add(ref);
                    if (engagement.running) {
                        running.add(ref);
                    }
                }
            });
            assertThat(businessKeys("/engine-rest/history/process-instance?processDefinitionKey=" + KICKOFF,
                    "businessKey", user)).as("history of " + user).isEqualTo(reached);
            assertThat(businessKeys("/engine-rest/process-instance?processDefinitionKey=" + KICKOFF,
                    "businessKey", user)).as("running instances of " + user).isEqualTo(running);
            // each running demo engagement has exactly one open task
            HttpResponse<String> tasks = send(basic, "GET", "/engine-rest/task?processDefinitionKey=" + KICKOFF, user, null);
            Set<String> taskInstances = new TreeSet<>();
            json.readTree(tasks.body()).forEach(task -> taskInstances.add(task.get("processInstanceId").asText()));
            Set<String> expectedInstances = new TreeSet<>();
            running.forEach(ref -> expectedInstances.add(runtimeService.createProcessInstanceQuery()
                    .processDefinitionKey(KICKOFF).processInstanceBusinessKey(ref).singleResult().getId()));
            assertThat(taskInstances).as("tasks of " + user).isEqualTo(expectedInstances);
        }
    }

    @Test
    void anAuditorNotOnTheTeamSeesNothingOfItThroughTheWebappsEngineApi() throws Exception {
        String ref = reference(DemoEngagement.ACME_SOC2);
        String engineApi = "/camunda/api/engine/engine/default";
        String tasks = engineApi + "/task/count?processDefinitionKey=" + KICKOFF + "&processInstanceBusinessKey=" + ref;
        String instances = engineApi + "/process-instance/count?processDefinitionKey=" + KICKOFF + "&businessKey=" + ref;
        String history = engineApi + "/history/process-instance/count?processDefinitionKey=" + KICKOFF
                + "&processInstanceBusinessKey=" + ref;

        HttpClient auditor = signedIn("auditor");
        assertThat(count(auditor, tasks, null)).isZero();
        assertThat(count(auditor, instances, null)).isZero();
        assertThat(count(auditor, history, null)).isZero();

        HttpClient lead = signedIn("lead");
        assertThat(count(lead, tasks, null)).isEqualTo(1);
        assertThat(count(lead, instances, null)).isEqualTo(1);
        assertThat(count(lead, history, null)).isEqualTo(1);
    }

    @Test
    void theWebappsOpenCockpitAndTasklistForStaffButAdminOnlyForAdmins() throws Exception {
        HttpClient auditor = signedIn("auditor");
        String who = send(auditor, "GET", "/camunda/api/admin/auth/user/default", null, null).body();
        assertThat(json.readTree(who).get("authorizedApps").toString())
                .contains("cockpit").contains("tasklist").doesNotContain("admin");
        assertThat(send(auditor, "GET", "/camunda/app/cockpit/default/", null, null).statusCode()).isEqualTo(200);
    }

    /**
     * A called process belongs to the engagement of the process that called it, even without its business
     * key; its task, offered to the AUDITOR group, is still not shown to an auditor who is not on the team.
     */
    @Test
    void aCalledProcessIsGrantedToTheEngagementTeamAndNotToEveryoneInItsCandidateGroup() throws Exception {
        deployParentAndChild();
        String ref = reference(DemoEngagement.ACME_SOC2);   // team: lead, reviewer
        ProcessInstance parent = runtimeService.startProcessInstanceByKey("access-test-parent", ref);
        ProcessInstance child = runtimeService.createProcessInstanceQuery().superProcessInstanceId(parent.getId()).singleResult();
        String childTasks = "/engine-rest/task/count?processInstanceId=" + child.getId();
        String childInstance = "/engine-rest/process-instance/count?superProcessInstance=" + parent.getId();

        assertThat(count(basic, childTasks, "lead")).isEqualTo(1);
        assertThat(count(basic, childInstance, "lead")).isEqualTo(1);
        assertThat(count(basic, childTasks, "reviewer")).isEqualTo(1);
        assertThat(count(basic, childTasks, "auditor")).isZero();
        assertThat(count(basic, childInstance, "auditor")).isZero();

        // the reviewer may read the task but not work on it: it is offered to auditors
        String childTask = taskService.createTaskQuery().processInstanceId(child.getId()).singleResult().getId();
        assertThat(send(basic, "POST", "/engine-rest/task/" + childTask + "/claim", "reviewer", "{\"userId\":\"reviewer\"}")
                .statusCode()).isEqualTo(403);

        // the lead works on it through the engine's API; the next task is granted while the lead's request runs
        assertThat(send(basic, "POST", "/engine-rest/task/" + childTask + "/claim", "lead", "{\"userId\":\"lead\"}")
                .statusCode()).isEqualTo(204);
        assertThat(send(basic, "POST", "/engine-rest/task/" + childTask + "/complete", "lead", "{}").statusCode())
                .isEqualTo(204);
        String followUps = "/engine-rest/task/count?processInstanceId=" + parent.getId() + "&taskDefinitionKey=FollowUp";
        assertThat(count(basic, followUps, "lead")).isEqualTo(1);
        assertThat(count(basic, followUps, "auditor")).isZero();
    }

    @Test
    void aTaskCannotBeGivenToSomeoneWhoMayNotSeeItsEngagement() throws Exception {
        deployParentAndChild();
        ProcessInstance parent = runtimeService.startProcessInstanceByKey("access-test-parent",
                reference(DemoEngagement.ACME_SOC2));
        ProcessInstance child = runtimeService.createProcessInstanceQuery().superProcessInstanceId(parent.getId()).singleResult();
        String task = taskService.createTaskQuery().processInstanceId(child.getId()).singleResult().getId();

        // the engine wraps what a task listener throws, so this is its 500, with our reason
        HttpResponse<String> refused = send(basic, "POST", "/engine-rest/task/" + task + "/assignee", "admin",
                "{\"userId\":\"auditor\"}");
        assertThat(refused.statusCode()).isEqualTo(500);
        assertThat(refused.body()).contains("'auditor' may not see engagement");
        assertThat(taskService.createTaskQuery().taskId(task).singleResult().getAssignee()).isNull();

        assertThat(send(basic, "POST", "/engine-rest/task/" + task + "/assignee", "admin", "{\"userId\":\"lead\"}")
                .statusCode()).isEqualTo(204);
    }

    private void deployParentAndChild() {
        if (repositoryService.createProcessDefinitionQuery().processDefinitionKey("access-test-parent").count() > 0) {
            return;
        }
        BpmnModelInstance child = Bpmn.createExecutableProcess("access-test-child").camundaHistoryTimeToLive(1)
                .startEvent("ChildStarted").userTask("ChildWork").camundaCandidateGroups("AUDITOR")
                .endEvent("ChildDone").done();
        BpmnModelInstance parent = Bpmn.createExecutableProcess("access-test-parent").camundaHistoryTimeToLive(1)
                .startEvent("ParentStarted").callActivity("CallChild").calledElement("access-test-child")
                .userTask("FollowUp").camundaCandidateGroups("AUDITOR").endEvent("ParentDone").done();
        repositoryService.createDeployment().name("access-test")
                .addModelInstance("access-test-child.bpmn", child)
                .addModelInstance("access-test-parent.bpmn", parent)
                .deploy();
    }
}
