package org.auditmanager.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.auditmanager.DemoUsers;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.engagement.Engagements;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** The demo data's own history is the chain under test: every seeded change left an entry. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("demo")
class AuditTrailTest {

    @Autowired MockMvc mvc;
    @Autowired TrailVerification verification;
    @Autowired JdbcClient jdbc;
    @Autowired Engagements engagements;
    @Autowired DemoUsers users;

    /** The tampering tests edit the trail directly; each test gets the untouched chain back. */
    @BeforeEach
    void keepTheChain() {
        jdbc.sql("create table audit_trail_kept as select * from audit_trail").update();
    }

    @AfterEach
    void restoreTheChain() {
        jdbc.sql("delete from audit_trail").update();
        jdbc.sql("insert into audit_trail select * from audit_trail_kept").update();
        jdbc.sql("drop table audit_trail_kept").update();
    }

    private Engagement acmeSoc2() {
        return engagements.visibleTo(users.get("acme"), 0, 10).stream()
                .filter(engagement -> engagement.title().startsWith("SOC 2")).findFirst().orElseThrow();
    }

    @Test
    void theSeededHistoryIsAnIntactChain() throws Exception {
        TrailVerification.Result result = verification.verify();
        assertThat(result.intact()).isTrue();
        assertThat(result.entries()).isGreaterThan(20);
        mvc.perform(get("/api/audit-trail/verify").with(httpBasic("admin", "admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.intact").value(true));
    }

    @Test
    void editingOneRowInTheDatabaseIsFoundAndNamed() {
        long middle = jdbc.sql("select max(seq) / 2 from audit_trail").query(Long.class).single();
        UUID id = jdbc.sql("select id from audit_trail where seq = :seq").param("seq", middle).query(UUID.class).single();
        jdbc.sql("update audit_trail set after_json = '{\"status\":\"FORGED\"}' where seq = :seq").param("seq", middle).update();

        TrailVerification.Result result = verification.verify();

        assertThat(result.intact()).isFalse();
        assertThat(result.firstBrokenSeq()).isEqualTo(middle);
        assertThat(result.firstBrokenId()).isEqualTo(id);
        assertThat(result.problem()).isEqualTo("its content no longer matches its hash");
    }

    @Test
    void deletingARowIsFoundAsAGap() {
        jdbc.sql("delete from audit_trail where seq = 3").update();
        TrailVerification.Result result = verification.verify();
        assertThat(result.firstBrokenSeq()).isEqualTo(4);
        assertThat(result.problem()).isEqualTo("entries 3 to 3 are missing");
    }

    @Test
    void rewritingARowWithAFreshHashBreaksTheLinkToTheNextOne() {
        jdbc.sql("update audit_trail set actor = 'mallory', entry_hash = 'ab' where seq = 5").update();
        assertThat(verification.verify().firstBrokenSeq()).isEqualTo(5);
    }

    @Test
    void anEngagementsTrailShowsItsOwnChangesToItsOwnClientOnly() throws Exception {
        Engagement engagement = acmeSoc2();
        mvc.perform(get("/api/engagements/{id}/audit-trail", engagement.id()).with(httpBasic("acme", "acme")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].engagementId").value(
                        org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is(engagement.id().toString()))))
                .andExpect(jsonPath("$.items[*].action").value(org.hamcrest.Matchers.hasItems("CREATED", "STATUS_CHANGED", "COMPLETED")));
        mvc.perform(get("/api/engagements/{id}/audit-trail?action=COMPLETED&actor=lead", engagement.id())
                        .with(httpBasic("manager", "manager")))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].actor").value("lead"));
        mvc.perform(get("/api/engagements/{id}/audit-trail", engagement.id()).with(httpBasic("globex", "globex")))
                .andExpect(status().isNotFound());
    }

    @Test
    void onlyAnAdminVerifiesTheChain() throws Exception {
        mvc.perform(get("/api/audit-trail/verify").with(httpBasic("manager", "manager"))).andExpect(status().isForbidden());
    }
}
