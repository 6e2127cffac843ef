package org.auditmanager.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The first vertical slice in a real headless Chromium: a manager creates an engagement for Acme, the lead
 * auditor finds its first task, the form refuses missing fields and then completes, the engagement moves on
 * and the client sees its own task next.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VerticalSliceBrowserIT {

    @LocalServerPort int port;
    private BrowserSession browser;

    @BeforeAll
    void startBrowser() {
        browser = new BrowserSession(port);
    }

    @AfterAll
    void stopBrowser() {
        browser.close();
    }

    @Test
    void managerCreatesEngagementLeadPlansItClientIsAskedNext() {
        Page manager = browser.signIn("manager");
        assertThat(manager.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Welcome, Mia Manager")))
                .isVisible();
        BrowserSession.screenshot(manager, "01-manager-home");

        manager.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New engagement")).first().click();
        manager.getByLabel("Organisation").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Acme Cloud Ltd"));
        manager.getByLabel("ISO/IEC 27001 · Certification cycle").check();
        manager.getByLabel("Title").fill("Browser-driven certification");
        manager.getByLabel("Scope").fill("Acme Cloud hosting platform");
        manager.getByLabel("Lead auditor").selectOption("lead");
        manager.getByLabel("Certification decision maker (ISO)").selectOption("reviewer");
        BrowserSession.screenshot(manager, "02-new-engagement");
        manager.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create engagement")).click();
        assertThat(manager.locator("#engagement-status")).hasText("Planning");
        String engagementUrl = manager.url();
        BrowserSession.screenshot(manager, "03-engagement-created");

        Page lead = browser.signIn("lead");
        lead.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Tasks").setExact(true)).click();
        lead.locator("section.task-group", new Page.LocatorOptions().setHasText("Browser-driven certification"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Plan the engagement")).click();
        BrowserSession.screenshot(lead, "04-task-form");

        lead.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Complete task")).click();
        assertThat(lead.locator("#error-plannedStart")).hasText("This field is required.");
        assertThat(lead.locator("#error-independenceConfirmed")).hasText("Tick this box to continue.");
        BrowserSession.screenshot(lead, "05-task-form-errors");

        lead.getByLabel("Planned start of fieldwork").fill(LocalDate.now().plusWeeks(3).toString());
        lead.getByLabel("Planned end of fieldwork").fill(LocalDate.now().plusWeeks(4).toString());
        lead.getByLabel("Auditor-days").fill("8.5");
        lead.getByLabel("Accept the engagement").check();
        lead.getByLabel("No one on the team has a conflict of interest with this client").check();
        lead.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Complete task")).click();
        assertThat(lead.locator("#engagement-status")).hasText("Awaiting client");
        assertThat(lead.getByRole(AriaRole.STATUS)).containsText("Completed: Plan the engagement");
        BrowserSession.screenshot(lead, "06-engagement-after-planning");

        Page acme = browser.signIn("acme");
        assertThat(acme.locator("section.task-group", new Page.LocatorOptions().setHasText("Browser-driven certification"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Confirm audit contacts"))).isVisible();
        BrowserSession.screenshot(acme, "07-client-home");

        manager.navigate(engagementUrl);
        assertThat(manager.locator("#engagement-status")).hasText("Awaiting client");
    }
}
