package org.auditmanager.timeline;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.auditmanager.common.AuditableChange;
import org.auditmanager.common.InvalidInputException;
import org.auditmanager.common.NotFoundException;
import org.auditmanager.engagement.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records the key dates of an engagement (table {@code engagement_milestone}) as its processes move: planned,
 * due and actual, upserted by key. From BPMN, as bean {@code milestones}:
 * {@code ${milestones.recordFor(execution, 'STAGE2_AUDIT', 'Stage 2 audit', null, stage2Due, null)}}.
 * <p>
 * A {@code null} date or label keeps what is stored, so a process can record the due date first and the actual
 * date later without repeating the rest. Every change goes to the audit trail.
 */
@Service("milestones")
public class Milestones {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.:-]{1,60}");
    private static final int MAX_LABEL = 200;
    /** A milestone of a later ISO/IEC 27001 cycle: {@code C<cycle>.<key>}. */
    private static final Pattern CYCLE_KEY = Pattern.compile("C(\\d+)\\.(.+)");

    private final MilestoneRepository repository;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Milestones(MilestoneRepository repository, MessageSource messages, ApplicationEventPublisher events,
               Clock clock) {
        this.repository = repository;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Inserts or updates milestone {@code key} of an engagement. {@code label} may be null for a key the
     * timeline knows (docs/timeline.md lists them); a null date keeps the stored one.
     */
    @Transactional
    public RecordedMilestone record(UUID engagementId, String key, @Nullable String label, @Nullable LocalDate planned,
                                    @Nullable LocalDate due, @Nullable LocalDate actual) {
        checkKey(key);
        UUID organisationId = repository.organisationOf(engagementId)
                .orElseThrow(() -> new NotFoundException("Engagement"));
        Optional<RecordedMilestone> stored = repository.lock(engagementId, key);
        RecordedMilestone before = stored.orElse(null);
        RecordedMilestone after = new RecordedMilestone(engagementId, key,
                label(key, label, before),
                planned != null ? planned : before == null ? null : before.plannedDate(),
                due != null ? due : before == null ? null : before.dueDate(),
                actual != null ? actual : before == null ? null : before.actualDate());
        if (after.equals(before)) {
            return after;
        }
        if (before == null) {
            repository.insert(after);
        } else {
            repository.update(after);
        }
        events.publishEvent(new AuditableChange(null, "MILESTONE", key, before == null ? "RECORDED" : "CHANGED",
                engagementId, organisationId, before == null ? null : describe(before), describe(after)));
        return after;
    }

    /**
     * {@link #record} for BPMN expressions: the engagement is the process's, and dates may be {@code LocalDate},
     * {@code java.util.Date} (date process variables), ISO text ({@code 2026-03-14}, as Camunda Forms store them)
     * or null.
     */
    public RecordedMilestone recordFor(DelegateExecution execution, String key, @Nullable String label,
                                       @Nullable Object planned, @Nullable Object due, @Nullable Object actual) {
        Object engagementId = execution.getVariable(ProcessVariables.ENGAGEMENT_ID);
        if (engagementId == null) {
            throw new IllegalStateException("process " + execution.getProcessInstanceId() + " has no "
                    + ProcessVariables.ENGAGEMENT_ID);
        }
        return record(UUID.fromString(engagementId.toString()), key, label, date(planned), date(due), date(actual));
    }

    /** Removes a milestone that no longer applies (a cancelled audit, say). */
    @Transactional
    public void remove(UUID engagementId, String key) {
        checkKey(key);
        Optional<RecordedMilestone> stored = repository.lock(engagementId, key);
        if (stored.isEmpty()) {
            return;
        }
        repository.delete(engagementId, key);
        events.publishEvent(new AuditableChange(null, "MILESTONE", key, "REMOVED", engagementId,
                repository.organisationOf(engagementId).orElse(null), describe(stored.get()), null));
    }

    /** The recorded milestones of one engagement, in no particular order. */
    public List<RecordedMilestone> recorded(UUID engagementId) {
        return repository.of(engagementId);
    }

    private String label(String key, @Nullable String given, @Nullable RecordedMilestone before) {
        String label = given != null && !given.isBlank() ? given.strip()
                : before != null ? before.label()
                : knownLabel(key);
        if (label.length() > MAX_LABEL) {
            throw new InvalidInputException("A milestone label has at most %d characters.".formatted(MAX_LABEL),
                    Map.of("label", "too long"));
        }
        return label;
    }

    /**
     * The label of a key the timeline knows; a later ISO cycle's key ({@code C2.FIRST_SURVEILLANCE}) gets its base
     * key's label with the cycle number. Any other key is its own label.
     */
    private String knownLabel(String key) {
        Matcher cycle = CYCLE_KEY.matcher(key);
        if (cycle.matches()) {
            String base = messages.getMessage("timeline.milestone." + cycle.group(2), null, null, Locale.ENGLISH);
            if (base != null) {
                return messages.getMessage("timeline.milestone.cycle", new Object[] {base, cycle.group(1)},
                        Locale.ENGLISH);
            }
        }
        return messages.getMessage("timeline.milestone." + key, null, key, Locale.ENGLISH);
    }

    private LocalDate date(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof Date date) {
            return date.toInstant().atZone(clock.getZone()).toLocalDate();
        }
        if (value instanceof String text && !text.isBlank()) {
            return LocalDate.parse(text.strip().length() > 10 ? text.strip().substring(0, 10) : text.strip());
        }
        throw new IllegalArgumentException("not a date: " + value.getClass().getName());
    }

    private static void checkKey(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new InvalidInputException("A milestone key is 1 to 60 letters, digits or _ . : -.",
                    Map.of("key", String.valueOf(key)));
        }
    }

    private static Map<String, Object> describe(RecordedMilestone milestone) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("label", milestone.label());
        values.put("planned", Objects.toString(milestone.plannedDate(), null));
        values.put("due", Objects.toString(milestone.dueDate(), null));
        values.put("actual", Objects.toString(milestone.actualDate(), null));
        values.values().removeIf(Objects::isNull);
        return values;
    }
}
