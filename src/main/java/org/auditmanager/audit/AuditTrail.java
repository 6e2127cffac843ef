package org.auditmanager.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.auditmanager.common.AuditableChange;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Appends every {@link AuditableChange} to the hash chain, inside the transaction of the change itself: the
 * entry exists exactly when the change does. Appends are serialised by the lock on the chain's head row.
 */
@Service
public class AuditTrail {

    static final String SYSTEM = "system";

    private final TrailRepository repository;
    private final ObjectMapper objectMapper;
    private final Clock clock;

    AuditTrail(TrailRepository repository, ObjectMapper objectMapper, Clock clock) {
        this.repository = repository;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(AuditableChange change) {
        TrailRepository.Head head = repository.lockHead();
        TrailEntry unsigned = new TrailEntry(head.lastSeq(), UUID.randomUUID(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS), actor(change), clientAddress(), change.engagementId(),
                change.organisationId(), change.entityType(), change.entityId(), change.action(),
                json(change.before()), json(change.after()), head.lastHash(), null);
        repository.append(withHash(unsigned));
    }

    static TrailEntry withHash(TrailEntry entry) {
        return new TrailEntry(entry.seq(), entry.id(), entry.occurredAt(), entry.actor(), entry.actorIp(),
                entry.engagementId(), entry.organisationId(), entry.entityType(), entry.entityId(), entry.action(),
                entry.beforeJson(), entry.afterJson(), entry.previousHash(), EntryHash.of(entry));
    }

    private static String actor(AuditableChange change) {
        if (change.actor() != null) {
            return change.actor();
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || !authentication.isAuthenticated() ? SYSTEM : authentication.getName();
    }

    private static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }

    private String json(Map<String, ?> values) {
        if (values == null) {
            return null;
        }
        try {
            return objectMapper.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit values must be plain data", e);
        }
    }
}
