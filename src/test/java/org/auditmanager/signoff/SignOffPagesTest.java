package org.auditmanager.signoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.evidence.EvidenceFile;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The sign-off forms over the task pages and the API: what is shown, the typed-name acknowledgement, the stored
 * record with the digest of the summary shown, versions after a return, and who may read the sign-offs.
 */
@SpringBootTest(properties = "app.demo.seed-engagements=false")
@AutoConfigureMockMvc
@ActiveProfiles("demo")
class SignOffPagesTest {

    private static final Pattern DIGEST = Pattern.compile("name=\"summaryDigest\" value=\"([0-9a-f]{64})\"");

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;
    @Autowired TaskService taskService;
    @Autowired JdbcClient jdbc;

    private SignOffFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new SignOffFixtures(context);
    }

    @Test
    void theDecisionFormShowsWhatIsSignedAndTheDecisionMakersRefusal() throws Exception {
        Engagement engagement = fixtures.isoAtCertificationDecision("ISO shown");
        String task = fixtures.task(engagement, "CertificationDecision").getId();
        String fileSha = jdbc.sql("""
                        select f.sha256 from evidence_file f join evidence_request r on r.id = f.request_id
                        where r.engagement_id = :id""").param("id", engagement.id()).query(String.class).single();

        mvc.perform(get("/tasks/{id}", task).with(user(fixtures.user("reviewer"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(SignOffFixtures.MINOR_FINDING)))
                .andExpect(content().string(containsString("Minor nonconformity")))
                .andExpect(content().string(containsString(SignOffFixtures.ISO_REPORT)))
                .andExpect(content().string(containsString("Audit report: Stage 2 audit, cycle 1")))
                .andExpect(content().string(containsString("supplier-reviews.txt (version 1)")))
                .andExpect(content().string(containsString(fileSha)))
                .andExpect(content().string(containsString("name=\"signerName\"")))
                .andExpect(content().string(containsString("id=\"task-refusal\"")))
                .andExpect(content().string(containsString("Rita Reviewer was on the audit team of this engagement")))
                .andExpect(content().string(containsString("<fieldset disabled=\"disabled\">")));
    }

    @Test
    void aTypedNameThatIsNotTheSignersIsAFieldErrorAndKeepsWhatWasTyped() throws Exception {
        Engagement engagement = fixtures.isoAtCertificationDecision("ISO wrong name");
        String task = handedToRex(engagement);

        mvc.perform(post("/tasks/{id}/complete", task).with(user(fixtures.user("rex"))).with(csrf())
                        .param("decision", "grant").param("decisionReason", "Typed reason")
                        .param("soaVersion", "SoA v3").param("signerName", "Rita Reviewer")
                        .param("summaryDigest", digestShownTo("rex", task)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"error-signerName\"")))
                .andExpect(content().string(containsString(
                        "Type your full name as it is on your account (Rex Reviewer) to sign.")))
                .andExpect(content().string(containsString("value=\"Rita Reviewer\"")))
                .andExpect(content().string(containsString("Typed reason")))
                .andExpect(content().string(containsString("value=\"SoA v3\"")));
        assertThat(signOffCount(engagement)).isZero();
        assertThat(taskService.createTaskQuery().taskId(task).count()).isOne();
    }

    @Test
    void aSignedDecisionIsStoredWithWhoWhenAndTheDigestOfTheSummaryShown() throws Exception {
        Engagement engagement = fixtures.isoAtCertificationDecision("ISO signed");
        String task = handedToRex(engagement);
        String shown = digestShownTo("rex", task);

        mvc.perform(post("/tasks/{id}/complete", task).with(user(fixtures.user("rex"))).with(csrf())
                        .param("decision", "grant").param("decisionReason", "Report and findings reviewed")
                        .param("soaVersion", "SoA v3").param("signerName", "  rex REVIEWER ")
                        .param("summaryDigest", shown))
                .andExpect(redirectedUrl("/engagements/" + engagement.id()));

        Map<String, Object> row = jdbc.sql("select * from signoff where engagement_id = :id")
                .param("id", engagement.id()).query().singleRow();
        assertThat(row).containsEntry("TASK_KEY", "CertificationDecision").containsEntry("VERSION", 1)
                .containsEntry("DECISION", "APPROVE").containsEntry("OUTCOME", "grant")
                .containsEntry("COMMENT", "Report and findings reviewed").containsEntry("SIGNED_BY", "rex")
                .containsEntry("SIGNER_DISPLAY_NAME", "Rex Reviewer").containsEntry("TYPED_NAME", "rex REVIEWER")
                .containsEntry("SUMMARY_SHA256", shown);
        assertThat(SignOffSummaries.sha256((String) row.get("SUMMARY_JSON"))).isEqualTo(shown);
        assertThat((String) row.get("SUMMARY_JSON")).contains(SignOffFixtures.MINOR_FINDING, SignOffFixtures.ISO_REPORT);
        assertThat(jdbc.sql("""
                        select count(*) from audit_trail
                        where entity_type = 'SIGNOFF' and action = 'CREATED' and engagement_id = :id""")
                .param("id", engagement.id()).query(Integer.class).single()).isOne();

        mvc.perform(get("/api/engagements/{id}/signoffs", engagement.id()).with(httpBasic("acme", "acme")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].decision").value("APPROVE"))
                .andExpect(jsonPath("$.items[0].signerDisplayName").value("Rex Reviewer"))
                .andExpect(jsonPath("$.items[0].summarySha256").value(shown))
                .andExpect(jsonPath("$.items[0].summaryJson").doesNotExist());
        mvc.perform(get("/engagements/{id}", engagement.id()).with(user(fixtures.user("manager"))))
                .andExpect(content().string(containsString("Sign-offs and decisions")))
                .andExpect(content().string(containsString("Rex Reviewer (typed &quot;rex REVIEWER&quot;)")))
                .andExpect(content().string(containsString(shown)));
    }

    @Test
    void aSummaryThatChangedWhileTheFormWasOpenIsNotSigned() throws Exception {
        Engagement engagement = fixtures.isoAtCertificationDecision("ISO changed");
        String task = handedToRex(engagement);
        String shown = digestShownTo("rex", task);
        fixtures.evidenceFile(engagement);

        mvc.perform(post("/tasks/{id}/complete", task).with(user(fixtures.user("rex"))).with(csrf())
                        .param("decision", "grant").param("decisionReason", "Reviewed")
                        .param("soaVersion", "SoA v3").param("signerName", "Rex Reviewer")
                        .param("summaryDigest", shown))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("What you are signing changed while the form was open")))
                .andExpect(content().string(not(containsString("value=\"" + shown + "\""))));
        assertThat(signOffCount(engagement)).isZero();
        assertThat(taskService.createTaskQuery().taskId(task).count()).isOne();
    }

    @Test
    void signingAgainAfterAReturnIsVersion2AndTheListShowsBoth() throws Exception {
        Engagement engagement = fixtures.soc2AtPartnerSignOff("SOC 2 returned");
        String partner = fixtures.task(engagement, "PartnerSignOff").getId();
        mvc.perform(get("/tasks/{id}", partner).with(user(fixtures.user("manager"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("SOC2-T1-draft-1")))
                .andExpect(content().string(containsString("Design exception")))
                .andExpect(content().string(containsString("One quarterly review was not evidenced")))
                .andExpect(content().string(containsString("CC7.2-01")))
                .andExpect(content().string(containsString("Not tested")));

        mvc.perform(post("/tasks/{id}/complete", partner).with(user(fixtures.user("manager"))).with(csrf())
                        .param("signOffDecision", "return").param("signerName", "Mia Manager"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"error-signOffNotes\"")))
                .andExpect(content().string(containsString("Say what has to change when you return it.")));
        mvc.perform(post("/tasks/{id}/complete", partner).with(user(fixtures.user("manager"))).with(csrf())
                        .param("signOffDecision", "return").param("signOffNotes", "Describe the exceptions")
                        .param("signerName", "Mia Manager"))
                .andExpect(redirectedUrl("/engagements/" + engagement.id()));

        completeOverApi(fixtures.task(engagement, "DraftReport").getId(), "lead",
                "{\"draftReportReference\": \"SOC2-T1-draft-2\"}");
        String review = fixtures.task(engagement, "EngagementQualityReview").getId();
        mvc.perform(get("/tasks/{id}", review).with(user(fixtures.user("ivy"))))
                .andExpect(content().string(containsString("id=\"task-refusal\"")))
                .andExpect(content().string(containsString("Ivy Insider is on the engagement team of "
                        + engagement.reference())));
        completeOverApi(review, "reviewer", """
                {"reviewOutcome": "approve", "reviewNotes": "Judgements supported", "signerName": "Rita Reviewer"}""");

        String again = fixtures.task(engagement, "PartnerSignOff").getId();
        mvc.perform(get("/tasks/{id}", again).with(user(fixtures.user("manager"))))
                .andExpect(content().string(containsString("SOC2-T1-draft-2")))
                .andExpect(content().string(containsString("Version 1: Returned by Mia Manager")));
        mvc.perform(post("/tasks/{id}/complete", again).with(user(fixtures.user("manager"))).with(csrf())
                        .param("signOffDecision", "sign").param("signerName", "Mia Manager"))
                .andExpect(redirectedUrl("/engagements/" + engagement.id()));

        mvc.perform(get("/api/engagements/{id}/signoffs", engagement.id()).with(httpBasic("manager", "manager")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.items[?(@.taskKey == 'PartnerSignOff')].version").value(
                        org.hamcrest.Matchers.containsInAnyOrder(1, 2)))
                .andExpect(jsonPath("$.items[?(@.taskKey == 'PartnerSignOff' && @.version == 1)].decision")
                        .value("RETURN"))
                .andExpect(jsonPath("$.items[?(@.taskKey == 'PartnerSignOff' && @.version == 1)].comment")
                        .value("Describe the exceptions"))
                .andExpect(jsonPath("$.items[?(@.taskKey == 'PartnerSignOff' && @.version == 2)].decision")
                        .value("APPROVE"))
                .andExpect(jsonPath("$.items[?(@.taskKey == 'EngagementQualityReview')].signedBy").value("reviewer"));
        mvc.perform(get("/api/engagements/{id}/signoffs?size=1&page=1", engagement.id())
                        .with(httpBasic("manager", "manager")))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.total").value(3));
    }

    @Test
    void anotherOrganisationAndAnAuditorNotOnTheTeamGet404() throws Exception {
        Engagement engagement = fixtures.soc2AtPartnerSignOff("SOC 2 tenancy");
        mvc.perform(get("/api/engagements/{id}/signoffs", engagement.id()).with(httpBasic("globex", "globex")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/engagements/{id}/signoffs", engagement.id()).with(httpBasic("auditor", "auditor")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/engagements/{id}/signoffs", engagement.id()).with(httpBasic("ivy", "ivy")))
                .andExpect(status().isOk());
        mvc.perform(get("/tasks/{id}", fixtures.task(engagement, "PartnerSignOff").getId())
                        .with(user(fixtures.user("globex"))))
                .andExpect(status().isNotFound());
    }

    /** Rita, the named decision maker, is refused; she hands the decision back and Rex, impartial, takes it. */
    private String handedToRex(Engagement engagement) throws Exception {
        String task = fixtures.task(engagement, "CertificationDecision").getId();
        mvc.perform(post("/api/tasks/{id}/unclaim", task).with(httpBasic("reviewer", "reviewer")))
                .andExpect(status().isOk());
        return task;
    }

    private String digestShownTo(String username, String task) throws Exception {
        String page = mvc.perform(get("/tasks/{id}", task).with(user(fixtures.user(username))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Matcher digest = DIGEST.matcher(page);
        assertThat(digest.find()).as("the page carries the digest of its summary").isTrue();
        return digest.group(1);
    }

    private void completeOverApi(String task, String username, String json) throws Exception {
        mvc.perform(post("/api/tasks/{id}/complete", task).with(httpBasic(username, username))
                        .contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isNoContent());
    }

    private int signOffCount(Engagement engagement) {
        return jdbc.sql("select count(*) from signoff where engagement_id = :id").param("id", engagement.id())
                .query(Integer.class).single();
    }
}
