package org.auditmanager.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.auditmanager.engagement.Engagement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** The timeline, what-if, portfolio and process pages: what they show, and to whom. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("demo")
class TimelinePagesTest {

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;
    @Autowired Milestones milestones;

    TimelineFixtures fixtures;
    final LocalDate today = LocalDate.now();

    @BeforeEach
    void fixtures() {
        fixtures = new TimelineFixtures(context);
    }

    @Test
    void theTimelinePageDrawsTheChartWithEscapedLabelsAndListsTheDates() throws Exception {
        Engagement iso = fixtures.iso(TimelineFixtures.ACME, "Timeline page");
        milestones.record(iso.id(), "CERTIFICATION_DECISION", null, null, null, today.minusMonths(11));
        milestones.record(iso.id(), "CLIENT_NOTE", "<img src=x onerror=alert(1)> & co", null, today.plusDays(2), null);

        String page = mvc.perform(get("/engagements/{id}/timeline", iso.id()).with(user(fixtures.principal("lead"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<svg")))
                .andExpect(content().string(containsString("&lt;img src=x onerror=alert(1)&gt; &amp; co")))
                .andExpect(content().string(not(containsString("<img src=x"))))
                .andExpect(content().string(containsString("First surveillance audit")))
                .andExpect(content().string(containsString("Today " + today)))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Due soon", "Restoration window after expiry", "What if");
    }

    @Test
    void theWhatIfPageShowsTheCycleForTheAskedDecisionAndExplainsABadDate() throws Exception {
        Engagement iso = fixtures.iso(TimelineFixtures.ACME, "What-if page");

        mvc.perform(get("/engagements/{id}/what-if", iso.id()).param("decisionDate", "2026-03-14")
                        .with(user(fixtures.principal("manager"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("2027-03-14")))
                .andExpect(content().string(containsString("2029-03-13")))
                .andExpect(content().string(containsString("<svg")));
        mvc.perform(get("/engagements/{id}/what-if", iso.id()).param("decisionDate", "14/03/2026")
                        .with(user(fixtures.principal("manager"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Enter a date as YYYY-MM-DD.")));
    }

    @Nested
    class Portfolio {

        @Test
        void aClientIsRefused() throws Exception {
            mvc.perform(get("/portfolio").with(user(fixtures.principal("acme")))).andExpect(status().isForbidden());
        }

        @Test
        void theManagerSeesEveryOrganisationAndFiltersByOne() throws Exception {
            Engagement acme = fixtures.iso(TimelineFixtures.ACME, "Portfolio Acme");
            Engagement globex = fixtures.iso(TimelineFixtures.GLOBEX, "Portfolio Globex");

            mvc.perform(get("/portfolio").with(user(fixtures.principal("manager"))))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("row-" + acme.reference())))
                    .andExpect(content().string(containsString("row-" + globex.reference())));
            mvc.perform(get("/portfolio").param("organisation", globex.organisationId().toString())
                            .with(user(fixtures.principal("manager"))))
                    .andExpect(content().string(containsString("row-" + globex.reference())))
                    .andExpect(content().string(not(containsString("row-" + acme.reference()))));
        }

        @Test
        void anAuditorSeesOnlyTheirEngagementsAndTheCalendarOfTheMonth() throws Exception {
            Engagement acme = fixtures.iso(TimelineFixtures.ACME, "Portfolio calendar");
            Engagement globex = fixtures.iso(TimelineFixtures.GLOBEX, "Portfolio hidden");
            LocalDate due = today.plusMonths(2).withDayOfMonth(12);
            milestones.record(acme.id(), "KICKOFF_MEETING", "Kick-off meeting", null, due, null);
            String month = due.toString().substring(0, 7);

            String page = mvc.perform(get("/portfolio").param("month", month).with(user(fixtures.principal("lead"))))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

            assertThat(page).contains("row-" + acme.reference(), "Kick-off meeting")
                    .doesNotContain(globex.reference(), "Globex Corp");
        }
    }

    @Nested
    class ProcessView {

        @Test
        void staffSeeTheStepsTheDiagramAndTheMarkedActivities() throws Exception {
            Engagement iso = fixtures.iso(TimelineFixtures.ACME, "Process view");
            fixtures.plan(iso, today.plusDays(10), today.plusDays(12));

            mvc.perform(get("/engagements/{id}/process", iso.id()).with(user(fixtures.principal("lead"))))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("Confirm audit contacts")))
                    .andExpect(content().string(containsString("Plan the engagement")))
                    .andExpect(content().string(containsString("/vendor/bpmn-js/bpmn-navigated-viewer.production.min.js")));
            mvc.perform(get("/engagements/{id}/process.bpmn", iso.id()).with(user(fixtures.principal("lead"))))
                    .andExpect(status().isOk())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_XML))
                    .andExpect(content().string(containsString("id=\"engagement-kickoff\"")));
            mvc.perform(get("/engagements/{id}/process/activities", iso.id()).with(user(fixtures.principal("lead"))))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.current[0]").value("ConfirmAuditContacts"))
                    .andExpect(jsonPath("$.completed").value(org.hamcrest.Matchers.hasItems(
                            "EngagementCreated", "PlanEngagement", "EngagementAcceptedGateway")));
        }

        @Test
        void isForStaffWhoMaySeeTheEngagement() throws Exception {
            Engagement acme = fixtures.iso(TimelineFixtures.ACME, "Process of Acme");
            Engagement globex = fixtures.iso(TimelineFixtures.GLOBEX, "Process of Globex");

            mvc.perform(get("/engagements/{id}/process", acme.id()).with(user(fixtures.principal("acme"))))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/engagements/{id}/process.bpmn", globex.id()).with(user(fixtures.principal("acme"))))
                    .andExpect(status().isNotFound());
            mvc.perform(get("/engagements/{id}/process/activities", globex.id()).with(user(fixtures.principal("lead"))))
                    .andExpect(status().isNotFound());
            mvc.perform(get("/engagements/{id}/process.bpmn", acme.id()).param("instance", "not-this-one")
                    .with(user(fixtures.principal("lead")))).andExpect(status().isNotFound());
        }

        @Test
        void theBpmnViewerIsServedFromOurOwnStaticFiles() throws Exception {
            mvc.perform(get("/vendor/bpmn-js/bpmn-navigated-viewer.production.min.js")
                            .with(user(fixtures.principal("lead"))))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("bpmn-js - bpmn-navigated-viewer v18.")));
        }
    }
}
