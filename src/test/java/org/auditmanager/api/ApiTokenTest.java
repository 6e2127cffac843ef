package org.auditmanager.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.auditmanager.DemoUsers;
import org.auditmanager.engagement.Engagements;
import org.auditmanager.security.NewUser;
import org.auditmanager.security.Role;
import org.auditmanager.security.UserAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Personal API tokens: made once, stored hashed, acting as their owner and never more, refused once revoked. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("demo")
class ApiTokenTest {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts accounts;
    @Autowired Engagements engagements;
    @Autowired DemoUsers users;

    private JsonNode issue(String username, String name) throws Exception {
        String body = mvc.perform(post("/api/me/tokens").with(httpBasic(username, username))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("name", name))))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return json.readTree(body);
    }

    private static RequestPostProcessor bearer(String secret) {
        return request -> {
            request.addHeader(HttpHeaders.AUTHORIZATION, "Bearer " + secret);
            return request;
        };
    }

    @Test
    void aTokenSignsItsOwnerInOnTheApi() throws Exception {
        String secret = issue("acme", "nightly export").path("secret").asText();

        assertThat(secret).startsWith("amt_").hasSizeGreaterThan(40);
        mvc.perform(get("/api/me").with(bearer(secret)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("acme"))
                .andExpect(jsonPath("$.roles[0]").value("CLIENT"));
    }

    @Test
    void onlyTheHashIsStoredAndTheListNeverShowsTheToken() throws Exception {
        JsonNode issued = issue("auditor", "hash check");
        String secret = issued.path("secret").asText();
        String id = issued.path("token").path("id").asText();

        String stored = jdbc.sql("select token_hash from api_token where id = :id").param("id", UUID.fromString(id))
                .query(String.class).single();
        assertThat(stored).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(secret.getBytes(StandardCharsets.UTF_8))));
        List<Map<String, Object>> rows = jdbc.sql("select * from api_token").query().listOfRows();
        assertThat(rows.toString()).doesNotContain(secret);
        mvc.perform(get("/api/me/tokens").with(httpBasic("auditor", "auditor")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.id == '" + id + "')].name").value("hash check"))
                .andExpect(jsonPath("$.items[?(@.id == '" + id + "')].prefix").value(secret.substring(0, 12)))
                .andExpect(content().string(not(containsString(secret))));
    }

    @Test
    void aRevokedTokenIsRefusedAtOnce() throws Exception {
        JsonNode issued = issue("lead", "to revoke");
        String secret = issued.path("secret").asText();
        mvc.perform(get("/api/engagements").with(bearer(secret))).andExpect(status().isOk());

        mvc.perform(delete("/api/me/tokens/{id}", issued.path("token").path("id").asText())
                .with(httpBasic("lead", "lead"))).andExpect(status().isNoContent());

        mvc.perform(get("/api/engagements").with(bearer(secret)))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, containsString("invalid_token")))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("revoked")));
        mvc.perform(get("/api/me/tokens").with(httpBasic("lead", "lead")))
                .andExpect(jsonPath("$.items[?(@.name == 'to revoke')].revokedAt").isNotEmpty());
    }

    @Test
    void anUnknownTokenIsRefused() throws Exception {
        mvc.perform(get("/api/me").with(bearer("amt_" + "x".repeat(43))))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aClientsTokenSeesOnlyWhatTheClientSees() throws Exception {
        String secret = issue("globex", "globex script").path("secret").asText();
        UUID acmeEngagement = engagements.visibleTo(users.get("acme"), 0, 1).get(0).id();

        mvc.perform(get("/api/engagements/{id}", acmeEngagement).with(bearer(secret))).andExpect(status().isNotFound());
        mvc.perform(get("/api/engagements/{id}/exports/summary.pdf", acmeEngagement).with(bearer(secret)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/audit-trail/verify").with(bearer(secret))).andExpect(status().isForbidden());
        mvc.perform(get("/api/engagements").with(bearer(secret)))
                .andExpect(jsonPath("$.items[*].organisationName").value(
                        org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is("Globex Corp"))));
    }

    @Test
    void aTokenFollowsItsOwnersRolesAndAccountAtEveryRequest() throws Exception {
        accounts.create(new NewUser("scripted", "Sam Script", "sam@auditfirm.example", "scripted",
                Set.of(Role.ENGAGEMENT_MANAGER), null));
        String secret = issue("scripted", "reporting").path("secret").asText();
        mvc.perform(get("/api/engagements").with(bearer(secret))).andExpect(jsonPath("$.total").value(4));

        jdbc.sql("update app_user_role set role = 'AUDITOR' where username = 'scripted'").update();
        mvc.perform(get("/api/engagements").with(bearer(secret))).andExpect(jsonPath("$.total").value(0));

        jdbc.sql("update app_user set enabled = false where username = 'scripted'").update();
        mvc.perform(get("/api/engagements").with(bearer(secret))).andExpect(status().isUnauthorized());
    }

    @Test
    void aTokenCannotMakeOrRevokeTokens() throws Exception {
        JsonNode issued = issue("reviewer", "limited");
        String secret = issued.path("secret").asText();

        mvc.perform(post("/api/me/tokens").with(bearer(secret)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"another\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(containsString("password")));
        mvc.perform(delete("/api/me/tokens/{id}", issued.path("token").path("id").asText()).with(bearer(secret)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/me/tokens").with(bearer(secret))).andExpect(status().isOk());
    }

    @Test
    void someoneElsesTokenCannotBeRevoked() throws Exception {
        String id = issue("acme", "acme only").path("token").path("id").asText();
        mvc.perform(delete("/api/me/tokens/{id}", id).with(httpBasic("globex", "globex")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/me/tokens").with(httpBasic("acme", "acme")))
                .andExpect(jsonPath("$.items[?(@.id == '" + id + "')].revokedAt").isEmpty());
    }

    @Test
    void aTokenNeedsAName() throws Exception {
        mvc.perform(post("/api/me/tokens").with(httpBasic("acme", "acme")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"  \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.name").isNotEmpty());
    }

    @Test
    void aTokenOpensNoPageAndNotTheEngineRestApi() throws Exception {
        String secret = issue("manager", "api only").path("secret").asText();
        mvc.perform(get("/engagements").with(bearer(secret)))
                .andExpect(status().isFound()).andExpect(redirectedUrlPattern("**/login"));
        mvc.perform(get("/engine-rest/task").with(bearer(secret))).andExpect(status().isUnauthorized());
    }

    @Test
    void makingAndRevokingATokenIsInTheAuditTrail() throws Exception {
        String id = issue("auditor", "audited").path("token").path("id").asText();
        mvc.perform(delete("/api/me/tokens/{id}", id).with(httpBasic("auditor", "auditor")));
        assertThat(jdbc.sql("select action from audit_trail where entity_type = 'API_TOKEN' and entity_id = :id "
                        + "and actor = 'auditor' order by seq").param("id", id).query(String.class).list())
                .containsExactly("CREATED", "REVOKED");
    }

    @Test
    void theProfilePageShowsANewTokenOnceAndRevokesIt() throws Exception {
        MvcResult created = mvc.perform(post("/profile/tokens").with(user(users.get("acme"))).with(csrf())
                        .param("name", "from the page"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/profile"))
                .andExpect(flash().attributeExists("newToken"))
                .andReturn();
        String secret = (String) created.getFlashMap().get("newToken");
        mvc.perform(get("/api/me").with(bearer(secret))).andExpect(jsonPath("$.username").value("acme"));

        mvc.perform(get("/profile").with(user(users.get("acme"))).flashAttrs(created.getFlashMap()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(secret)));
        String page = mvc.perform(get("/profile").with(user(users.get("acme"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("from the page")))
                .andExpect(content().string(containsString(secret.substring(0, 12))))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain(secret);

        String id = jdbc.sql("select id from api_token where token_hash = :hash")
                .param("hash", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(secret.getBytes(StandardCharsets.UTF_8))))
                .query(String.class).single();
        mvc.perform(post("/profile/tokens/{id}/revoke", id).with(user(users.get("acme"))).with(csrf()))
                .andExpect(status().isFound()).andExpect(flash().attributeExists("flash"));
        mvc.perform(get("/api/me").with(bearer(secret))).andExpect(status().isUnauthorized());
    }

    @Test
    void theProfilePageRefusesAPostWithoutCsrfToken() throws Exception {
        mvc.perform(post("/profile/tokens").with(user(users.get("acme"))).param("name", "forged"))
                .andExpect(status().isForbidden());
    }
}
