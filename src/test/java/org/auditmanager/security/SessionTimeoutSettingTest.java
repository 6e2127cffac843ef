package org.auditmanager.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** The container's session timeout is set by app.security.session-timeout, 30 minutes unless configured. */
class SessionTimeoutSettingTest {

    private static Duration sessionTimeout(Map<String, Object> settings) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("settings", settings));
        new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
                .forEach(environment.getPropertySources()::addLast);
        return Binder.get(environment).bind("server.servlet.session.timeout", Duration.class).get();
    }

    @Test
    void thirtyMinutesUnlessConfigured() throws IOException {
        assertThat(sessionTimeout(Map.of())).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void theAppSettingDecides() throws IOException {
        assertThat(sessionTimeout(Map.of("app.security.session-timeout", "10m"))).isEqualTo(Duration.ofMinutes(10));
    }
}
