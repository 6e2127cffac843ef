package org.auditmanager.soa;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasProperty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.auditmanager.engagement.Engagement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("demo")
class SoaPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    SoaFixtures fixtures;
    @Autowired
    StatementsOfApplicability statements;

    @BeforeEach
    void fixtures() {
        fixtures = new SoaFixtures(context);
    }

    @Test
    void showsOneRowPerAnnexAControlToTheClient() throws Exception {
        Engagement engagement = fixtures.acmeIso();

        mvc.perform(get(page(engagement)).with(signedIn("acme")))
                .andExpect(status().isOk())
                .andExpect(model().attribute("controls", hasSize(93)))
                .andExpect(model().attribute("soaForm", hasProperty("rows", hasSize(93))))
                .andExpect(content().string(allOf(containsString("id=\"row-A.5.1\""), containsString("id=\"row-A.8.34\""),
                        containsString("Save draft"), containsString("No approved version yet"))));
    }

    @Test
    void savesTheDecidedRowsAndRedirectsWithAMessage() throws Exception {
        Engagement engagement = fixtures.acmeIso();

        mvc.perform(form(engagement, "acme")
                        .param("rows[0].controlId", "A.5.1").param("rows[0].applicable", "true")
                        .param("rows[0].implementationStatus", "PARTIAL")
                        .param("rows[1].controlId", "A.5.2").param("rows[1].applicable", "")
                        .param("rows[2].controlId", "A.5.3").param("rows[2].applicable", "false")
                        .param("rows[2].justification", "Two-person company."))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl(page(engagement)))
                .andExpect(flash().attribute("flash", "Draft version 1 saved: 2 of 93 controls decided."));
        mvc.perform(get(page(engagement)).with(signedIn("acme")))
                .andExpect(content().string(allOf(containsString("1 applicable · 1 excluded · 91 not decided"),
                        containsString("<option value=\"false\" selected=\"selected\">Excluded</option>"),
                        containsString("<option value=\"PARTIAL\" selected=\"selected\">Partly implemented</option>"),
                        containsString("Two-person company."))));
    }

    @Test
    void anExclusionWithoutJustificationIsShownAtTheField() throws Exception {
        Engagement engagement = fixtures.acmeIso();

        mvc.perform(form(engagement, "acme")
                        .param("rows[0].controlId", "A.5.1").param("rows[0].applicable", "true")
                        .param("rows[0].implementationStatus", "IMPLEMENTED")
                        .param("rows[1].controlId", "A.5.2")
                        .param("rows[2].controlId", "A.5.3").param("rows[2].applicable", "false")
                        .param("rows[2].justification", ""))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("soaForm", "rows[2].justification"))
                .andExpect(model().attributeHasFieldErrorCode("soaForm", "rows[2].justification", "invalid"))
                .andExpect(content().string(allOf(containsString("Give the reason for excluding A.5.3"),
                        containsString("nothing was saved"))));
        mvc.perform(get(page(engagement)).with(signedIn("acme"))).andExpect(content().string(containsString("None yet")));
    }

    @Test
    void aClientCannotApproveOverThePageEither() throws Exception {
        Engagement engagement = fixtures.acmeIso();
        statements.saveDraft(engagement.id(), decisions(), fixtures.principal("acme"));
        statements.submit(engagement.id(), fixtures.principal("acme"));

        mvc.perform(get(page(engagement)).with(signedIn("acme")))
                .andExpect(content().string(not(containsString("/soa/approve"))));
        mvc.perform(post(page(engagement) + "/approve").with(signedIn("acme")).with(csrf()))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("does not approve its own")));
        mvc.perform(post(page(engagement) + "/approve").with(signedIn("lead")).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flash", containsString("Version 1 approved")));
    }

    @Test
    void anApprovedStatementIsReadOnlyUntilANewVersionStarts() throws Exception {
        Engagement engagement = fixtures.acmeIso();
        statements.saveDraft(engagement.id(), decisions(), fixtures.principal("acme"));
        statements.submit(engagement.id(), fixtures.principal("acme"));
        statements.approve(engagement.id(), fixtures.principal("lead"));

        mvc.perform(get(page(engagement)).with(signedIn("acme")))
                .andExpect(content().string(allOf(containsString("id=\"soa-table\""), not(containsString("Save draft")),
                        containsString("Start a new version"))));
        mvc.perform(form(engagement, "acme").param("rows[0].controlId", "A.5.1").param("rows[0].applicable", "true")
                        .param("rows[0].implementationStatus", "IMPLEMENTED"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flashError", containsString("approved and never changes")));
    }

    @Test
    void anotherOrganisationGetsANotFoundPage() throws Exception {
        Engagement engagement = fixtures.acmeIso();

        mvc.perform(get(page(engagement)).with(signedIn("globex"))).andExpect(status().isNotFound());
        mvc.perform(form(engagement, "globex")).andExpect(status().isNotFound());
    }

    @Test
    void anonymousVisitorsAreSentToSignIn() throws Exception {
        Engagement engagement = fixtures.acmeIso();

        mvc.perform(get(page(engagement))).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("**/login"));
    }

    private List<SoaEntry> decisions() {
        return fixtures.completeDecisions().stream().map(decision -> new SoaEntry((String) decision.get("controlId"),
                (Boolean) decision.get("applicable"), (String) decision.get("justification"),
                decision.containsKey("implementationStatus") ? ImplementationStatus.IMPLEMENTED : null)).toList();
    }

    private MockHttpServletRequestBuilder form(Engagement engagement, String username) {
        return post(page(engagement)).with(signedIn(username)).with(csrf());
    }

    private RequestPostProcessor signedIn(String username) {
        return user(fixtures.principal(username));
    }

    private static String page(Engagement engagement) {
        return "/engagements/" + engagement.id() + "/soa";
    }
}
