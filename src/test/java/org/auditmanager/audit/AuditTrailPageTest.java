package org.auditmanager.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.auditmanager.DemoUsers;
import org.auditmanager.common.AuditableChange;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.engagement.Engagements;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** The audit-trail page of an engagement: its own entries only, filtered, paged, and only for who may see it. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("demo")
class AuditTrailPageTest {

    private static final Pattern ACTION_BADGE = Pattern.compile("<span class=\"badge\">([A-Z_]+)</span>");

    @Autowired MockMvc mvc;
    @Autowired Engagements engagements;
    @Autowired DemoUsers users;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;

    private Engagement demo(String client, String titlePrefix) {
        return engagements.visibleTo(users.get(client), 0, 50).stream()
                .filter(engagement -> engagement.title().startsWith(titlePrefix)).findFirst().orElseThrow();
    }

    private String page(String url, String username) throws Exception {
        return mvc.perform(get(url).with(user(users.get(username))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static long count(String html, String action) {
        Matcher badge = ACTION_BADGE.matcher(html);
        return badge.results().filter(match -> match.group(1).equals(action)).count();
    }

    @Test
    void aClientSeesItsEngagementsChangesWithBeforeAndAfter() throws Exception {
        Engagement engagement = demo("acme", "SOC 2");
        String html = page("/engagements/" + engagement.id() + "/trail", "acme");

        assertThat(count(html, "CREATED")).isPositive();
        assertThat(count(html, "STATUS_CHANGED")).isPositive();
        assertThat(html).contains("<del>CREATED</del>").contains("<ins>PLANNING</ins>");
        assertThat(html).contains(engagement.reference());
        // where staff signed in from is not shown to the client
        assertThat(html).doesNotContain("<th scope=\"col\">From</th>");
    }

    @Test
    void staffAlsoSeeWhereEachChangeCameFrom() throws Exception {
        String html = page("/engagements/" + demo("acme", "SOC 2").id() + "/trail", "manager");
        assertThat(html).contains("<th scope=\"col\">From</th>");
    }

    @Test
    void filtersByActionAndActor() throws Exception {
        Engagement engagement = demo("acme", "SOC 2");
        String html = page("/engagements/" + engagement.id() + "/trail?action=COMPLETED&actor=lead", "acme");

        assertThat(count(html, "COMPLETED")).isEqualTo(1);
        assertThat(count(html, "CREATED") + count(html, "STATUS_CHANGED")).isZero();
        assertThat(html).contains("<option value=\"COMPLETED\" selected=\"selected\">COMPLETED</option>");
        assertThat(html).contains("<option value=\"lead\" selected=\"selected\">lead</option>");
    }

    @Test
    void aClientOfAnotherOrganisationGets404() throws Exception {
        mvc.perform(get("/engagements/{id}/trail", demo("acme", "SOC 2").id()).with(user(users.get("globex"))))
                .andExpect(status().isNotFound());
    }

    @Test
    void longTrailsArePagedKeepingTheFilter() throws Exception {
        Engagement engagement = demo("globex", "SOC 2");
        transactions.executeWithoutResult(tx -> {
            for (int i = 0; i < 55; i++) {
                events.publishEvent(new AuditableChange("auditor", "NOTE", "note-" + i, "NOTED", engagement.id(),
                        engagement.organisationId(), null, Map.of("text", "note " + i)));
            }
        });
        String base = "/engagements/" + engagement.id() + "/trail";

        String first = page(base + "?action=NOTED", "globex");
        String second = page(base + "?action=NOTED&page=1", "globex");

        assertThat(count(first, "NOTED")).isEqualTo(50);
        assertThat(count(second, "NOTED")).isEqualTo(5);
        assertThat(first).contains("Page 1 of 2").contains("action=NOTED&amp;actor=&amp;page=1");
        assertThat(first).contains("note 54").doesNotContain("note 4<");
        assertThat(second).contains("note 0<");
    }
}
