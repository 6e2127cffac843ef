package org.auditmanager.catalog;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.auditmanager.security.UserAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("demo")
class CatalogPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserAccounts users;

    @Test
    void overviewShowsEveryCatalogueVersionWithCountsAndProvenance() throws Exception {
        mvc.perform(get("/catalog").with(signedIn("acme")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("ISO27001:2022"), containsString("TSC:2017"),
                        containsString("93 Annex A controls"), containsString("41 clauses"), containsString("61 criteria"),
                        containsString("118 links to Annex A controls"), containsString("87 links to clauses"),
                        containsString("Not authoritative"), containsString("Third-party and non-authoritative"))));
    }

    @Test
    void isoPageListsClausesAndAnnexAByTheme() throws Exception {
        mvc.perform(get("/catalog/iso27001").with(signedIn("lead")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Clauses 4 to 10 (41)"),
                        containsString("Annex A controls (93)"), containsString("Organizational controls (37)"),
                        containsString("People controls (8)"), containsString("Physical controls (14)"),
                        containsString("Technological controls (34)"), containsString("Planning of changes"))));
    }

    @Test
    void soc2PageListsCriteriaByCategoryAndSaysTheTitlesAreInformal() throws Exception {
        mvc.perform(get("/catalog/soc2").with(signedIn("globex")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Security (33)"), containsString("Availability (3)"),
                        containsString("Confidentiality (2)"), containsString("Processing Integrity (5)"),
                        containsString("Privacy (18)"), containsString("informal labels"),
                        containsString("Structures, reporting lines, authorities and responsibilities"))));
    }

    @Test
    void controlPageShowsTheCriteriaMappedToItWithTheProvenance() throws Exception {
        mvc.perform(get("/catalog/controls/A.5.15").with(signedIn("acme")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Access control"),
                        containsString("Mapped from Trust Services Criteria"), containsString("CC6.2"),
                        containsString("CC6.4"), containsString("Third-party and non-authoritative"))));
    }

    @Test
    void criterionPageShowsTheIsoItemsItMapsTo() throws Exception {
        mvc.perform(get("/catalog/controls/CC3.2").with(signedIn("auditor")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Maps to ISO/IEC 27001:2022"), containsString("A.8.8"),
                        containsString("6.1.3"), containsString("Information security risk treatment"))));
    }

    @Test
    void unknownIdIsANotFoundPage() throws Exception {
        mvc.perform(get("/catalog/controls/A.99.1").with(signedIn("acme")))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("There is nothing here")));
    }

    @Test
    void anonymousVisitorsAreSentToSignIn() throws Exception {
        mvc.perform(get("/catalog")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("**/login"));
        mvc.perform(get("/catalog/controls/A.5.15")).andExpect(status().is3xxRedirection());
    }

    private RequestPostProcessor signedIn(String username) {
        return user(users.loadUserByUsername(username));
    }
}
