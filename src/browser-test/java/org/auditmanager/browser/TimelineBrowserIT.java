package org.auditmanager.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.time.LocalDate;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.engagement.Engagements;
import org.auditmanager.timeline.Milestones;
import org.auditmanager.timeline.TimelineFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Timelines, what-if, process view and portfolio in a real headless Chromium, with screenshots under
 * target/screenshots. The ISO cycle process is not on this branch: its milestones are recorded through
 * {@link Milestones}, the API that process uses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimelineBrowserIT {

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired Milestones milestones;

    private BrowserSession browser;
    private TimelineFixtures fixtures;
    private Engagement certified;
    private Engagement globex;
    private final LocalDate today = LocalDate.now();

    @BeforeAll
    void startBrowserAndRecordACycle() {
        browser = new BrowserSession(port);
        fixtures = new TimelineFixtures(context);
        certified = fixtures.iso(TimelineFixtures.ACME, "ISO/IEC 27001 certification cycle");
        fixtures.plan(certified, today.plusDays(9), today.plusDays(11));
        milestones.record(certified.id(), "STAGE1_AUDIT", null, null, today.minusMonths(14).plusDays(10),
                today.minusMonths(14).plusDays(8));
        milestones.record(certified.id(), "STAGE2_AUDIT", null, null, today.minusMonths(13),
                today.minusMonths(13).plusDays(4));
        milestones.record(certified.id(), "CERTIFICATION_DECISION", null, null, null,
                today.minusMonths(12).plusDays(10));
        milestones.record(certified.id(), "MINOR_NC_PLAN", "Corrective-action plan for 2 minor NCs", null,
                today.minusDays(6), null);
        globex = fixtures.iso(TimelineFixtures.GLOBEX, "Globex certification cycle");
        milestones.record(globex.id(), "CERTIFICATION_DECISION", null, null, null, today.minusMonths(6));
    }

    @AfterAll
    void stopBrowser() {
        browser.close();
    }

    @Test
    void theIsoTimelineShowsTheWholeCycleWithStatusesInWords() {
        Page lead = browser.signIn("lead");
        lead.navigate(browser.url("/engagements/" + certified.id()));
        lead.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Timeline")).click();

        assertThat(lead.locator("svg.gantt")).isVisible();
        assertThat(lead.locator("svg.gantt")).containsText("Today " + today);
        assertThat(lead.locator("#entry-FIRST_SURVEILLANCE")).containsText("Due soon");
        assertThat(lead.locator("#entry-MINOR_NC_PLAN")).containsText("Overdue");
        assertThat(lead.locator("#entry-CERTIFICATION_DECISION")).containsText("Done");
        assertThat(lead.locator("#entry-RESTORATION_DEADLINE")).isVisible();
        assertThat(lead.locator("svg.gantt g.gantt-row")).hasCount(
                lead.locator("table.timeline-table tbody tr:not(.group-row)").count());
        BrowserSession.screenshot(lead, "timeline-01-iso-cycle");
    }

    @Test
    void theSoc2TimelineShowsObservationPeriodReportAndBridgeLetter() {
        Engagement demoSoc2 = context.getBean(Engagements.class).visibleTo(fixtures.principal("lead"), 0, 50).stream()
                .filter(engagement -> engagement.title().equals("SOC 2 Type II " + today.getYear()))
                .findFirst().orElseThrow();
        Page lead = browser.signIn("lead");
        lead.navigate(browser.url("/engagements/" + demoSoc2.id()));
        lead.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Timeline")).click();

        assertThat(lead.locator("#entry-OBSERVATION_PERIOD")).isVisible();
        assertThat(lead.locator("#entry-REPORT_ISSUED")).isVisible();
        assertThat(lead.locator("#entry-BRIDGE_LETTER_COVER")).isVisible();
        assertThat(lead.locator("#entry-FIELDWORK")).isVisible();
        BrowserSession.screenshot(lead, "timeline-02-soc2");
    }

    @Test
    void theWhatIfShowsTheCycleOfAnotherDecisionDate() {
        Page manager = browser.signIn("manager");
        manager.navigate(browser.url("/engagements/" + certified.id() + "/timeline"));
        manager.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("What if…")).click();
        LocalDate decision = today.minusMonths(12).plusDays(40);
        manager.getByLabel("Certification decision on").fill(decision.toString());
        manager.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show the dates")).click();

        assertThat(manager.locator("#change-FIRST_SURVEILLANCE td.then")).hasText(decision.plusMonths(12).toString());
        assertThat(manager.locator("#change-FIRST_SURVEILLANCE")).containsText("moves");
        assertThat(manager.locator("#what-if-chart")).isVisible();
        BrowserSession.screenshot(manager, "timeline-03-what-if");
    }

    @Test
    void theProcessViewDrawsTheDiagramWithTheCurrentStepMarked() {
        Page lead = browser.signIn("lead");
        lead.navigate(browser.url("/engagements/" + certified.id() + "/process"));

        // the engagement's own process and the kick-off it called, each drawn
        assertThat(lead.locator(".bpmn-canvas.loaded")).hasCount(2);
        assertThat(lead.getByRole(AriaRole.IMG, new Page.GetByRoleOptions()
                .setName("Diagram of the process Engagement kick-off"))).isVisible();
        assertThat(lead.locator(".current-activity[data-element-id=ConfirmAuditContacts]")).hasCount(1);
        assertThat(lead.locator(".completed-activity[data-element-id=PlanEngagement]")).hasCount(1);
        assertThat(lead.locator("ul.current-steps", new Page.LocatorOptions().setHasText("Confirm audit contacts")))
                .hasCount(1);
        BrowserSession.screenshot(lead, "timeline-04-process");
    }

    @Test
    void thePortfolioListsDeadlinesFiltersAndShowsTheMonth() {
        Page manager = browser.signIn("manager");
        manager.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Portfolio")).click();

        assertThat(manager.locator("#row-" + certified.reference())).containsText("First surveillance audit");
        assertThat(manager.locator("#row-" + globex.reference())).isVisible();
        assertThat(manager.locator("table.calendar")).isVisible();
        BrowserSession.screenshot(manager, "timeline-05-portfolio");

        manager.getByLabel("Organisation").selectOption(new SelectOption().setLabel("Acme Cloud Ltd"));
        manager.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter")).click();
        assertThat(manager.locator("#row-" + globex.reference())).hasCount(0);
        assertThat(manager.locator("#row-" + certified.reference())).isVisible();
        BrowserSession.screenshot(manager, "timeline-06-portfolio-acme");
    }

    @Test
    void aUserCreatesACalendarFeedThatACalendarCanFetchWithoutSigningIn() {
        Page acme = browser.signIn("acme");
        acme.navigate(browser.url("/profile/calendar"));
        acme.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create a feed address")).click();
        String feedUrl = acme.getByLabel("Your feed address (copy it now)").inputValue();
        BrowserSession.screenshot(acme, "timeline-08-profile-feed");

        APIResponse feed = acme.context().browser().newContext().request().get(feedUrl);
        assertThat(feed.status()).isEqualTo(200);
        assertThat(feed.text()).startsWith("BEGIN:VCALENDAR").contains(certified.reference()).doesNotContain("Globex");

        acme.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Revoke the feed")).click();
        assertThat(acme.context().browser().newContext().request().get(feedUrl).status()).isEqualTo(404);
    }

    @Test
    void aClientSeesItsOwnTimelineAndNothingOfGlobex() {
        Page acme = browser.signIn("acme");
        acme.navigate(browser.url("/engagements/" + certified.id() + "/timeline"));
        assertThat(acme.locator("#entry-FIRST_SURVEILLANCE")).isVisible();
        assertThat(acme.locator("body")).not().containsText("Globex");
        BrowserSession.screenshot(acme, "timeline-07-client");

        assertThat(acme.navigate(browser.url("/engagements/" + globex.id() + "/timeline")).status()).isEqualTo(404);
        assertThat(acme.navigate(browser.url("/portfolio")).status()).isEqualTo(403);
    }
}
