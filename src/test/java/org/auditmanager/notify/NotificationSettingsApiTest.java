package org.auditmanager.notify;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** The profile's calendar feed and digest setting over the API, each person only their own. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("demo")
class NotificationSettingsApiTest {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;

    @Test
    void issuesAFeedAddressThatAnswersUntilItIsRevoked() throws Exception {
        String body = mvc.perform(post("/api/me/calendar-feed").with(httpBasic("auditor", "auditor")))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        String path = URI.create(json.readTree(body).path("url").asText()).getPath();

        mvc.perform(get(path)).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/calendar"));
        mvc.perform(get("/api/me/notifications").with(httpBasic("auditor", "auditor")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.calendarFeedSince").isNotEmpty());

        mvc.perform(delete("/api/me/calendar-feed").with(httpBasic("auditor", "auditor")))
                .andExpect(status().isNoContent());
        mvc.perform(get(path)).andExpect(status().isNotFound());
        mvc.perform(get("/api/me/notifications").with(httpBasic("auditor", "auditor")))
                .andExpect(jsonPath("$.calendarFeedSince").doesNotExist());
    }

    @Test
    void switchesTheDailyDigestOfTheCallerOnly() throws Exception {
        String acmeBefore = mvc.perform(get("/api/me/notifications").with(httpBasic("acme", "acme")))
                .andReturn().getResponse().getContentAsString();
        mvc.perform(put("/api/me/notifications").with(httpBasic("globex", "globex"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"dailyDigest\": true}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dailyDigest").value(true));
        mvc.perform(get("/api/me/notifications").with(httpBasic("globex", "globex")))
                .andExpect(jsonPath("$.dailyDigest").value(true));
        mvc.perform(get("/api/me/notifications").with(httpBasic("acme", "acme")))
                .andExpect(content().json(acmeBefore));

        mvc.perform(put("/api/me/notifications").with(httpBasic("globex", "globex"))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest());
        mvc.perform(put("/api/me/notifications").with(httpBasic("globex", "globex"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"dailyDigest\": false}"))
                .andExpect(jsonPath("$.dailyDigest").value(false));
        mvc.perform(get("/api/me/notifications")).andExpect(status().isUnauthorized());
    }
}
