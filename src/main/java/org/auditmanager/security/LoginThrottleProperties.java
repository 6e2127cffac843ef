package org.auditmanager.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * After {@code maxFailures} failed sign-ins for one user name within {@code window}, further attempts for that
 * name are refused for {@code lockout} ({@code app.security.login-throttle.*}).
 */
@ConfigurationProperties("app.security.login-throttle")
record LoginThrottleProperties(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration window,
                               @DefaultValue("15m") Duration lockout) {
}
