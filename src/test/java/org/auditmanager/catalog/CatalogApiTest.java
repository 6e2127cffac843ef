package org.auditmanager.catalog;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("demo")
class CatalogApiTest {

    @Autowired
    MockMvc mvc;

    @Test
    void listsTheCataloguesWithVersionsAndCounts() throws Exception {
        mvc.perform(get("/api/catalog").with(httpBasic("acme", "acme")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == 'ISO27001:2022')].byKind.ANNEX_A_CONTROL").value(93))
                .andExpect(jsonPath("$[?(@.id == 'ISO27001:2022')].byKind.CLAUSE").value(41))
                .andExpect(jsonPath("$[?(@.id == 'ISO27001:2022')].byGroup.People").value(8))
                .andExpect(jsonPath("$[?(@.id == 'TSC:2017')].size").value(61))
                .andExpect(jsonPath("$[?(@.id == 'TSC2017-ISO27001-2022:intuitem-f990d7b1+S43')].size").value(205))
                .andExpect(jsonPath("$[?(@.catalogue == 'TSC_TO_ISO27001')].authoritative").value(everyItem(is(false))))
                .andExpect(jsonPath("$[?(@.catalogue == 'TSC_TO_ISO27001')].provenance")
                        .value(hasItem(containsString("Third-party and non-authoritative"))))
                .andExpect(jsonPath("$[?(@.current == true)].id").value(containsInAnyOrder("ISO27001:2022", "TSC:2017",
                        "TSC2017-ISO27001-2022:intuitem-f990d7b1+S43")))
                .andExpect(jsonPath("$[?(@.current == false)].id").value(containsInAnyOrder(
                        "TSC2017-ISO27001-2022:intuitem-f990d7b1")));
    }

    @Test
    void listsAnnexAControlsOfOneTheme() throws Exception {
        mvc.perform(get("/api/catalog/iso27001/controls").param("theme", "people").with(httpBasic("lead", "lead")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(8)))
                .andExpect(jsonPath("$[0].id").value("A.6.1"))
                .andExpect(jsonPath("$[0].group").value("People"));
        mvc.perform(get("/api/catalog/iso27001/controls").with(httpBasic("lead", "lead")))
                .andExpect(jsonPath("$", hasSize(93)));
    }

    @Test
    void refusesAnUnknownThemeNamingTheKnownOnes() throws Exception {
        mvc.perform(get("/api/catalog/iso27001/controls").param("theme", "Human").with(httpBasic("lead", "lead")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors.theme").value(containsString("Organizational, People, Physical, Technological")));
    }

    @Test
    void listsTheClauses() throws Exception {
        mvc.perform(get("/api/catalog/iso27001/clauses").with(httpBasic("acme", "acme")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(41)))
                .andExpect(jsonPath("$[0].id").value("4"))
                .andExpect(jsonPath("$[40].id").value("10.2"));
    }

    @Test
    void listsCriteriaOfTheGivenCategories() throws Exception {
        mvc.perform(get("/api/catalog/soc2/criteria").param("category", "Security", "Availability")
                        .with(httpBasic("acme", "acme")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(36)));
        mvc.perform(get("/api/catalog/soc2/criteria").with(httpBasic("acme", "acme")))
                .andExpect(jsonPath("$", hasSize(61)));
    }

    @Test
    void showsAControlWithTheCriteriaMappedToIt() throws Exception {
        mvc.perform(get("/api/catalog/controls/A.5.15").with(httpBasic("globex", "globex")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value("A.5.15"))
                .andExpect(jsonPath("$.title").value("Access control"))
                .andExpect(jsonPath("$.kind").value("ANNEX_A_CONTROL"))
                .andExpect(jsonPath("$.mappings.direction").value("TO"))
                .andExpect(jsonPath("$.mappings.links[*].id").value(containsInAnyOrder("CC6.1", "CC6.2", "CC6.3", "CC6.4")))
                .andExpect(jsonPath("$.mappings.authoritative").value(false))
                .andExpect(jsonPath("$.mappings.provenance").value(containsString("non-authoritative")));
    }

    @Test
    void showsACriterionWithTheIsoItemsItMapsTo() throws Exception {
        mvc.perform(get("/api/catalog/controls/CC6.1").with(httpBasic("acme", "acme")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.group").value("Security"))
                .andExpect(jsonPath("$.mappings.direction").value("FROM"))
                .andExpect(jsonPath("$.mappings.links", hasSize(11)));
    }

    @Test
    void answersAnUnknownIdWithA404Problem() throws Exception {
        mvc.perform(get("/api/catalog/controls/A.14.2.1").with(httpBasic("acme", "acme")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Catalogue item 'A.14.2.1' not found."));
        mvc.perform(get("/api/catalog/mappings").param("to", "A.99").with(httpBasic("acme", "acme")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void givesMappingsInBothDirections() throws Exception {
        mvc.perform(get("/api/catalog/mappings").param("from", "CC6.1").with(httpBasic("acme", "acme")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.links", hasSize(11)))
                .andExpect(jsonPath("$.mappingVersion").value("TSC2017-ISO27001-2022:intuitem-f990d7b1+S43"));
        mvc.perform(get("/api/catalog/mappings").param("to", "A.5.15").with(httpBasic("acme", "acme")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.links[*].id").value(containsInAnyOrder("CC6.1", "CC6.2", "CC6.3", "CC6.4")));
    }

    @Test
    void asksForExactlyOneDirection() throws Exception {
        mvc.perform(get("/api/catalog/mappings").with(httpBasic("acme", "acme")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.from").exists());
        mvc.perform(get("/api/catalog/mappings").param("from", "A.5.15").with(httpBasic("acme", "acme")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("ask for the mappings to it")));
    }

    @Test
    void refusesAnonymousCallers() throws Exception {
        mvc.perform(get("/api/catalog")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/catalog/controls/A.5.15")).andExpect(status().isUnauthorized());
    }
}
