package org.auditmanager.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed sign-ins per user name in the database, so the count holds across nodes. Every name is
 * counted alike, whether an account has it or not, so a pause tells a stranger nothing.
 */
@Component
class LoginThrottle {

    private final LoginThrottleRepository repository;
    private final LoginThrottleProperties properties;
    private final Clock clock;

    LoginThrottle(LoginThrottleRepository repository, LoginThrottleProperties properties, Clock clock) {
        this.repository = repository;
        this.properties = properties;
        this.clock = clock;
    }

    /** How long sign-in for this name stays paused; empty when it is not. */
    @Transactional(readOnly = true)
    public Optional<Duration> pausedFor(String username) {
        Instant now = clock.instant();
        return repository.lockedUntil(hash(username), now).map(until -> Duration.between(now, until));
    }

    @Transactional
    public void failed(String username) {
        Instant now = clock.instant();
        String hash = hash(username);
        if (repository.recordFailure(hash, now, now.minus(properties.window())) >= properties.maxFailures()) {
            repository.lock(hash, now.plus(properties.lockout()));
        }
    }

    @Transactional
    public void succeeded(String username) {
        repository.clearFailures(hash(username));
    }

    private static String hash(String username) {
        String normalised = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(normalised.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
