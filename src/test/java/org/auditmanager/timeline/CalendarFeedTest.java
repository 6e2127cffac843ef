package org.auditmanager.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.auditmanager.engagement.Engagement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The per-user iCalendar feed at its secret URL: what it holds, for whom, and that a revoked URL is dead. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("demo")
class CalendarFeedTest {

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;
    @Autowired CalendarFeeds feeds;
    @Autowired Milestones milestones;
    @Autowired JdbcClient jdbc;

    TimelineFixtures fixtures;
    final LocalDate today = LocalDate.now();

    @BeforeEach
    void fixtures() {
        fixtures = new TimelineFixtures(context);
    }

    private String fetch(String token) throws Exception {
        return mvc.perform(get("/calendar/{token}.ics", token))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/calendar"))
                .andReturn().getResponse().getContentAsString();
    }

    private static List<VEvent> events(String ics) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        calendar.validate();
        return calendar.getComponents(VEvent.VEVENT);
    }

    private static Set<String> uids(List<VEvent> events) {
        return events.stream().map(event -> event.<Property>getProperty(Property.UID).orElseThrow().getValue())
                .collect(Collectors.toSet());
    }

    private static Set<String> summaries(List<VEvent> events) {
        return events.stream().map(event -> event.<Property>getProperty(Property.SUMMARY).orElseThrow().getValue())
                .collect(Collectors.toSet());
    }

    @Test
    void theFeedParsesAndKeepsItsUidsFromOneFetchToTheNext() throws Exception {
        Engagement iso = fixtures.iso(TimelineFixtures.ACME, "Feed engagement");
        fixtures.plan(iso, today.plusDays(20), today.plusDays(22));
        milestones.record(iso.id(), "CERTIFICATION_DECISION", null, null, null, today.minusMonths(3));
        String token = feeds.create(fixtures.principal("acme"));

        List<VEvent> first = events(fetch(token));
        milestones.record(iso.id(), "STAGE2_AUDIT", null, null, today.plusDays(5), null);
        List<VEvent> second = events(fetch(token));

        assertThat(summaries(first)).contains(iso.reference() + " · Confirm audit contacts (task due)",
                iso.reference() + " · First surveillance audit", iso.reference() + " · Fieldwork (engagement plan)");
        assertThat(uids(first)).hasSize(first.size())
                .contains("milestone-" + iso.id() + "-FIRST_SURVEILLANCE@audit-engagement-manager");
        assertThat(uids(second)).containsAll(uids(first))
                .contains("milestone-" + iso.id() + "-STAGE2_AUDIT@audit-engagement-manager");
        assertThat(second).hasSize(first.size() + 1);
    }

    @Test
    void aClientsFeedHoldsNothingOfAnotherOrganisation() throws Exception {
        Engagement globex = fixtures.iso(TimelineFixtures.GLOBEX, "Globex secret cycle");
        fixtures.plan(globex, today.plusDays(20), today.plusDays(22));
        milestones.record(globex.id(), "CERTIFICATION_DECISION", null, null, null, today.minusMonths(3));

        String ics = fetch(feeds.create(fixtures.principal("acme")));

        assertThat(events(ics)).isNotEmpty();
        assertThat(ics).doesNotContain(globex.reference()).doesNotContain("Globex");
        assertThat(fetch(feeds.create(fixtures.principal("globex")))).contains(globex.reference());
    }

    @Test
    void aRevokedOrReplacedTokenAnswers404() throws Exception {
        String first = feeds.create(fixtures.principal("lead"));
        fetch(first);

        String second = feeds.create(fixtures.principal("lead"));
        mvc.perform(get("/calendar/{token}.ics", first)).andExpect(status().isNotFound());
        fetch(second);

        feeds.revoke(fixtures.principal("lead"));
        mvc.perform(get("/calendar/{token}.ics", second)).andExpect(status().isNotFound());
        mvc.perform(get("/calendar/{token}.ics", "made-up-token")).andExpect(status().isNotFound());
    }

    @Test
    void onlyTheHashOfTheTokenIsStored() {
        String token = feeds.create(fixtures.principal("reviewer"));

        List<String> stored = jdbc.sql("select token_hash from calendar_feed where username = 'reviewer'")
                .query(String.class).list();

        assertThat(stored).containsExactly(CalendarFeeds.hash(token));
        assertThat(stored.get(0)).hasSize(64).isNotEqualTo(token);
    }

    @Test
    void theProfilePageShowsANewAddressOnceAndRevokesIt() throws Exception {
        MvcResult created = mvc.perform(post("/profile/calendar").with(csrf()).with(user(fixtures.principal("auditor"))))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attributeExists("feedUrl"))
                .andReturn();
        String url = (String) created.getFlashMap().get("feedUrl");
        assertThat(url).matches("http://localhost/calendar/[A-Za-z0-9_-]{43}\\.ics");
        String token = url.substring(url.lastIndexOf('/') + 1, url.length() - 4);
        fetch(token);
        mvc.perform(get("/profile/calendar").with(user(fixtures.principal("auditor"))))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("A feed address is active since")))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(token))));

        mvc.perform(post("/profile/calendar/revoke").with(csrf()).with(user(fixtures.principal("auditor"))))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/calendar/{token}.ics", token)).andExpect(status().isNotFound());
    }
}
