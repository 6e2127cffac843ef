package org.auditmanager.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.signoff.SignOffFixtures;
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
 * A certification decision signed in a real headless Chromium: the named decision maker, who was on the audit
 * team, opens the form and sees why she may not take it, and hands it back; an impartial reviewer reads the
 * summary, mistypes his name, is told so at the field with everything he typed kept, signs, and finds the
 * sign-off on the engagement page. A partner sign-off shows the SOC 2 summary. Screenshots under
 * target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignOffBrowserIT {

    @LocalServerPort int port;
    @Autowired ApplicationContext context;

    private BrowserSession browser;
    private SignOffFixtures fixtures;

    @BeforeAll
    void startBrowser() {
        browser = new BrowserSession(port);
        fixtures = new SignOffFixtures(context);
    }

    @AfterAll
    void stopBrowser() {
        browser.close();
    }

    @Test
    void aCertificationDecisionIsRefusedToTheAuditTeamAndSignedByAnImpartialReviewer() {
        Engagement engagement = fixtures.isoAtCertificationDecision("ISO/IEC 27001 certification, signed in a browser");
        String taskUrl = browser.url("/tasks/" + fixtures.task(engagement, "CertificationDecision").getId());

        Page rita = browser.signIn("reviewer");
        rita.navigate(taskUrl);
        assertThat(rita.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("What you are signing")))
                .isVisible();
        assertThat(rita.locator("#task-refusal")).containsText("You may not complete this task");
        assertThat(rita.locator("#task-refusal")).containsText(
                "Rita Reviewer was on the audit team of this engagement; certification decisions are taken by "
                        + "someone who did not take part in the audit (ISO/IEC 17021-1, 9.5.1.2).");
        assertThat(rita.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Complete task")))
                .isDisabled();
        BrowserSession.screenshot(rita, "signoff-01-decision-refused-to-audit-team");
        rita.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Hand back")).click();
        assertThat(rita.locator(".flash.ok")).hasText("The task is unassigned again.");

        Page rex = browser.signIn("rex");
        rex.navigate(taskUrl);
        assertThat(rex.locator("#task-refusal")).hasCount(0);
        assertThat(rex.locator("#signoff-findings")).containsText(SignOffFixtures.MINOR_FINDING);
        assertThat(rex.locator("#signoff-findings")).containsText("Minor nonconformity");
        assertThat(rex.locator("#signoff-open-items")).containsText("A.5.22");
        assertThat(rex.locator("#signoff-evidence")).containsText("supplier-reviews.txt (version 1)");
        assertThat(rex.locator(".signoff-report")).containsText(SignOffFixtures.ISO_REPORT);
        BrowserSession.screenshot(rex, "signoff-02-decision-summary");

        rex.getByLabel("Grant certification").check();
        rex.getByLabel("Reason")
                .fill("Stage 2 report and the minor nonconformity's plan reviewed.");
        rex.getByLabel("Statement of Applicability version on the certificate").fill("SoA v3");
        rex.getByLabel("Your full name (typed signature)").fill("Rita Reviewer");
        rex.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Complete task")).click();
        assertThat(rex.locator("#error-signerName"))
                .hasText("Type your full name as it is on your account (Rex Reviewer) to sign.");
        assertThat(rex.getByLabel("Your full name (typed signature)")).hasValue("Rita Reviewer");
        assertThat(rex.getByLabel("Reason"))
                .hasValue("Stage 2 report and the minor nonconformity's plan reviewed.");
        assertThat(rex.getByLabel("Grant certification")).isChecked();
        BrowserSession.screenshot(rex, "signoff-03-typed-name-mismatch");

        rex.getByLabel("Your full name (typed signature)").fill("rex reviewer");
        rex.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Complete task")).click();
        assertThat(rex.locator(".flash.ok")).containsText("Completed: Decide on certification");
        assertThat(rex.locator("#signoffs")).containsText("Decide on certification");
        assertThat(rex.locator("#signoffs")).containsText("Approved");
        assertThat(rex.locator("#signoffs")).containsText("Rex Reviewer (typed \"rex reviewer\")");
        BrowserSession.screenshot(rex, "signoff-04-engagement-with-sign-off");
    }

    @Test
    void thePartnerSignOffShowsTheSoc2SummaryAndAReturnNeedsAComment() {
        Engagement engagement = fixtures.soc2AtPartnerSignOff("SOC 2 Type I, partner sign-off in a browser");
        Page mia = browser.signIn("manager");
        mia.navigate(browser.url("/tasks/" + fixtures.task(engagement, "PartnerSignOff").getId()));
        assertThat(mia.locator("#signoff-findings")).containsText("One quarterly review was not evidenced");
        assertThat(mia.locator("#signoff-open-items")).containsText("Not tested");
        assertThat(mia.locator(".signoff-report")).containsText("SOC2-T1-draft-1");

        mia.getByLabel("Return it to the team").check();
        mia.getByLabel("Your full name (typed signature)").fill("Mia Manager");
        mia.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Complete task")).click();
        assertThat(mia.locator("#error-signOffNotes")).hasText("Say what has to change when you return it.");
        BrowserSession.screenshot(mia, "signoff-05-partner-return-needs-comment");

        mia.getByLabel("Notes").fill("Describe the CC6.1 exception and management's response.");
        mia.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Complete task")).click();
        assertThat(mia.locator("#signoffs")).containsText("Returned");
        assertThat(mia.locator("#signoffs")).containsText("Describe the CC6.1 exception");
    }
}
