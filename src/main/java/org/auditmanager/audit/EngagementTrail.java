package org.auditmanager.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.auditmanager.common.PageOf;
import org.auditmanager.common.PageRequest;
import org.auditmanager.engagement.Engagements;
import org.auditmanager.security.AuthenticatedUser;
import org.springframework.stereotype.Service;

/**
 * The audit trail of one engagement as its readers see it: only callers who may see the engagement, only the
 * engagement's own entries, newest first, narrowed by action and actor.
 */
@Service
public class EngagementTrail {

    /** One field an entry changed: its value before and after (null where there was none). */
    public record Change(String field, String before, String after) {
    }

    private final TrailRepository repository;
    private final Engagements engagements;
    private final ObjectMapper objectMapper;

    EngagementTrail(TrailRepository repository, Engagements engagements, ObjectMapper objectMapper) {
        this.repository = repository;
        this.engagements = engagements;
        this.objectMapper = objectMapper;
    }

    /** 404 for an engagement the caller may not see, like an unknown one. */
    public PageOf<TrailEntry> of(UUID engagementId, TrailFilter filter, PageRequest page, AuthenticatedUser user) {
        engagements.get(engagementId, user);
        List<TrailEntry> entries = repository.ofEngagement(engagementId, filter, page.size(), page.page() * page.size());
        return new PageOf<>(entries, repository.countOfEngagement(engagementId, filter), page.page(), page.size());
    }

    /** The actions and actors that occur in the engagement's trail, for filter choices. */
    public List<String> actionsOf(UUID engagementId, AuthenticatedUser user) {
        engagements.get(engagementId, user);
        return repository.actionsOfEngagement(engagementId);
    }

    public List<String> actorsOf(UUID engagementId, AuthenticatedUser user) {
        engagements.get(engagementId, user);
        return repository.actorsOfEngagement(engagementId);
    }

    /** The fields of an entry's before and after values, in the order the change gave them. */
    public List<Change> changesOf(TrailEntry entry) {
        JsonNode before = parse(entry.beforeJson());
        JsonNode after = parse(entry.afterJson());
        Set<String> fields = new LinkedHashSet<>();
        after.fieldNames().forEachRemaining(fields::add);
        before.fieldNames().forEachRemaining(fields::add);
        List<Change> changes = new ArrayList<>();
        for (String field : fields) {
            changes.add(new Change(field, text(before.get(field)), text(after.get(field))));
        }
        return changes;
    }

    private JsonNode parse(String json) {
        if (json == null) {
            return objectMapper.createObjectNode();
        }
        try {
            return objectMapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an audit entry holds JSON written by AuditTrail", e);
        }
    }

    private static String text(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }
}
