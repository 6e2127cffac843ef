package org.auditmanager.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.engagement.Engagements;
import org.auditmanager.engagement.Framework;
import org.auditmanager.evidence.EvidenceRequest;
import org.auditmanager.evidence.EvidenceRequests;
import org.auditmanager.evidence.NewEvidenceRequest;
import org.auditmanager.security.AuthenticatedUser;
import org.auditmanager.security.UserAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * One evidence request from the two workspaces, in a real headless Chromium: the client (Acme's compliance
 * manager) finds the request on its home page and hands evidence over, the lead auditor finds it in the review
 * queue and sends it back with a reason, the client reads the reason and hands over again, the lead accepts,
 * and the manager sees the request accepted. A screenshot of each page goes to target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvidenceReviewBrowserIT {

    private static final String TITLE = "Quarterly access review";
    private static final String REASON = "The export covers only Q1; we need all four quarters of 2026.";

    @LocalServerPort int port;
    @Autowired UserAccounts users;
    @Autowired Engagements engagements;
    @Autowired EvidenceRequests requests;

    private BrowserSession browser;
    private Engagement acmeIso;
    private EvidenceRequest request;

    @BeforeAll
    void startBrowserAndShareARequestWithAcme() {
        browser = new BrowserSession(port);
        AuthenticatedUser lead = principal("lead");
        acmeIso = engagements.visibleTo(principal("acme"), 0, 20).stream()
                .filter(engagement -> engagement.framework() == Framework.ISO27001).findFirst().orElseThrow();
        EvidenceRequest draft = requests.create(acmeIso.id(), new NewEvidenceRequest(TITLE,
                "Evidence that user access rights were reviewed each quarter.", List.of("A.5.18"), null,
                LocalDate.now().plusDays(2), null, null, LocalDate.now()), lead);
        requests.share(List.of(draft.id()), lead);
        request = requests.get(draft.id(), lead);
    }

    @AfterAll
    void stopBrowser() {
        browser.close();
    }

    @Test
    void clientUploadsAuditorRejectsClientUploadsAgainAuditorAcceptsManagerSeesItAccepted() {
        Page acme = browser.signIn("acme");
        Locator group = acme.locator("#group-" + acmeIso.reference());
        assertThat(group).containsText(acmeIso.title());
        assertThat(acme.locator("#quick-due-soon")).containsText("Due within 3 days");
        BrowserSession.screenshot(acme, "evidence-01-client-home");
        atPhoneWidth(acme, "evidence-01-client-home-phone");

        group.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Provide evidence").setExact(true))
                .first().click();
        BrowserSession.screenshot(acme, "evidence-02-client-task");
        acme.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Open the request")).click();
        assertThat(acme.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(request.reference() + " · " + TITLE)))
                .isVisible();
        upload(acme, "access-review-q1.pdf");
        BrowserSession.screenshot(acme, "evidence-03-client-uploaded");
        acme.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Hand over for review")).click();
        assertThat(acme.locator("#request-status")).hasText("Submitted");
        BrowserSession.screenshot(acme, "evidence-04-client-handed-over");

        Page lead = browser.signIn("lead");
        Locator queue = lead.locator("#queue-EVIDENCE_REVIEW");
        assertThat(queue).containsText("Review evidence");
        assertThat(queue).containsText(acmeIso.reference());
        BrowserSession.screenshot(lead, "evidence-05-lead-home-review-queue");
        atPhoneWidth(lead, "evidence-05-lead-home-review-queue-phone");
        openRequestAsStaff(lead);
        lead.getByLabel("Reason", new Page.GetByLabelOptions().setExact(true)).fill(REASON);
        BrowserSession.screenshot(lead, "evidence-06-lead-rejects");
        lead.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reject and ask again")).click();
        assertThat(lead.locator("#request-status")).hasText("Sent back");

        acme.navigate(browser.url("/"));
        BrowserSession.screenshot(acme, "evidence-07-client-home-after-rejection");
        acme.locator("#group-" + acmeIso.reference())
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Provide evidence").setExact(true))
                .first().click();
        assertThat(acme.getByLabel("Why the auditor sent earlier evidence back")).hasValue(REASON);
        BrowserSession.screenshot(acme, "evidence-08-client-task-with-reason");
        acme.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Open the request")).click();
        assertThat(acme.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText(REASON))).isVisible();
        upload(acme, "access-review-2026.pdf");
        acme.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Hand over for review")).click();
        assertThat(acme.locator("#request-status")).hasText("Submitted");
        BrowserSession.screenshot(acme, "evidence-09-client-handed-over-again");

        lead.navigate(browser.url("/"));
        assertThat(lead.locator("#queue-EVIDENCE_REVIEW")).containsText(acmeIso.reference());
        openRequestAsStaff(lead);
        lead.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Accept")).click();
        assertThat(lead.locator("#request-status")).hasText("Accepted");
        BrowserSession.screenshot(lead, "evidence-10-lead-accepted");
        lead.navigate(browser.url("/"));
        assertThat(lead.locator("#queue-EVIDENCE_REVIEW")).not().containsText(acmeIso.reference());

        Page manager = browser.signIn("manager");
        BrowserSession.screenshot(manager, "evidence-11-manager-home");
        manager.navigate(browser.url("/engagements/" + acmeIso.id() + "/requests"));
        Locator row = manager.locator("tr", new Page.LocatorOptions().setHasText(TITLE));
        assertThat(row).containsText("Accepted");
        BrowserSession.screenshot(manager, "evidence-12-manager-sees-accepted");
    }

    /** From the engagement's request list, as the firm's staff find a request. */
    private void openRequestAsStaff(Page page) {
        page.navigate(browser.url("/engagements/" + acmeIso.id() + "/requests"));
        page.locator("tr", new Page.LocatorOptions().setHasText(TITLE))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(request.reference())).click();
    }

    private static void atPhoneWidth(Page page, String screenshot) {
        page.setViewportSize(390, 844);
        BrowserSession.screenshot(page, screenshot);
        page.setViewportSize(1280, 900);
    }

    private static void upload(Page page, String filename) {
        page.locator("#upload-files").setInputFiles(new FilePayload(filename, "application/pdf",
                ("%PDF-1.4\n" + filename + "\n").getBytes(StandardCharsets.US_ASCII)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload").setExact(true)).click();
        assertThat(page.locator("#evidence-files")).containsText(filename);
    }

    private AuthenticatedUser principal(String username) {
        return (AuthenticatedUser) users.loadUserByUsername(username);
    }
}
