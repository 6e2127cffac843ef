package org.auditmanager.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.validation.annotation.Validated;

/**
 * Production start: refuses to start without an admin password from the environment (AUDIT_ADMIN_PASSWORD),
 * and creates the first admin from it when there is none.
 */
@Configuration(proxyBeanMethods = false)
@Profile("prod")
@EnableConfigurationProperties(AdminBootstrap.AdminProperties.class)
class AdminBootstrap {

    @Validated
    @ConfigurationProperties("app.admin")
    record AdminProperties(
            @NotBlank(message = "set AUDIT_ADMIN_PASSWORD: the prod profile does not start without an admin password")
            @Size(min = 12, message = "AUDIT_ADMIN_PASSWORD must have at least 12 characters")
            String password,
            String username) {
    }

    private final UserAccounts users;
    private final AdminProperties properties;

    AdminBootstrap(UserAccounts users, AdminProperties properties) {
        this.users = users;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void createFirstAdmin() {
        if (!users.anyWithRole(Role.ADMIN)) {
            String username = properties.username() == null ? "admin" : properties.username();
            users.create(new NewUser(username, "Administrator", null, properties.password(), Set.of(Role.ADMIN), null));
        }
    }
}
