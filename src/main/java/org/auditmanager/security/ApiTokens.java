package org.auditmanager.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.auditmanager.common.AuditableChange;
import org.auditmanager.common.InvalidInputException;
import org.auditmanager.common.NotFoundException;
import org.auditmanager.common.PageOf;
import org.auditmanager.common.PageRequest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens: a script sends {@code Authorization: Bearer <token>} on /api/** instead of a password.
 * A token acts as its owner with the owner's roles as they are at each request, so it never grants more than
 * the owner has; only its SHA-256 is stored, and a revoked token is refused from the next request on.
 */
@Service
public class ApiTokens {

    /** Marks our tokens, so that secret scanners and people recognise one. */
    static final String PREFIX = "amt_";
    static final int MAX_NAME = 100;
    private static final int SECRET_BYTES = 32;
    private static final int SHOWN_PREFIX = PREFIX.length() + 8;
    /** last use is written at most once a minute per token, not on every request */
    private static final Duration LAST_USE_GRANULARITY = Duration.ofMinutes(1);

    /** A token as its owner sees it in the list: never the token itself. */
    public record ApiToken(UUID id, String name, String prefix, Instant createdAt, Instant lastUsedAt,
                           Instant revokedAt) {

        public boolean active() {
            return revokedAt == null;
        }
    }

    /** A token just made: {@code secret} is shown this once and is not kept anywhere. */
    public record IssuedToken(ApiToken token, String secret) {
    }

    private final ApiTokenRepository repository;
    private final UserRepository users;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(ApiTokenRepository repository, UserRepository users, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.users = users;
        this.events = events;
        this.clock = clock;
    }

    /** True when the current request was signed in with a token rather than a password. */
    public static boolean signedInWithToken(Authentication authentication) {
        return authentication instanceof BearerTokenFilter.TokenAuthentication;
    }

    @Transactional
    public IssuedToken issue(String name, AuthenticatedUser owner) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME) {
            String detail = "Give the token a name of 1 to %d characters, such as the script that will use it."
                    .formatted(MAX_NAME);
            throw new InvalidInputException(detail, Map.of("name", detail));
        }
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiToken token = new ApiToken(UUID.randomUUID(), trimmed, secret.substring(0, SHOWN_PREFIX),
                clock.instant(), null, null);
        repository.insert(token, owner.getUsername(), sha256(secret));
        events.publishEvent(AuditableChange.created(owner.getUsername(), "API_TOKEN", token.id(), null,
                owner.organisationId(), Map.of("name", token.name(), "prefix", token.prefix())));
        return new IssuedToken(token, secret);
    }

    /** The owner's tokens, newest first, revoked ones included. */
    public PageOf<ApiToken> of(AuthenticatedUser owner, PageRequest page) {
        return new PageOf<>(repository.ofOwner(owner.getUsername(), page.size(), page.page() * page.size()),
                repository.countOfOwner(owner.getUsername()), page.page(), page.size());
    }

    /** Revokes one of the owner's own tokens; another person's token answers 404 like an unknown one. */
    @Transactional
    public ApiToken revoke(UUID id, AuthenticatedUser owner) {
        ApiToken token = repository.find(id, owner.getUsername()).orElseThrow(() -> new NotFoundException("API token"));
        if (!token.active()) {
            return token;
        }
        repository.revoke(id, clock.instant());
        events.publishEvent(new AuditableChange(owner.getUsername(), "API_TOKEN", id.toString(), "REVOKED", null,
                owner.organisationId(), Map.of("active", true), Map.of("active", false)));
        return repository.find(id, owner.getUsername()).orElseThrow();
    }

    /** The owner of an active token whose account is enabled; empty for anything else. */
    Optional<AuthenticatedUser> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 200) {
            return Optional.empty();
        }
        return repository.findActive(sha256(secret)).flatMap(stored -> users.findForLogin(stored.username())
                .filter(AuthenticatedUser::isEnabled)
                .map(owner -> {
                    Instant now = clock.instant();
                    repository.touch(stored.id(), now, now.minus(LAST_USE_GRANULARITY));
                    owner.eraseCredentials();
                    return owner;
                }));
    }

    static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
