package org.auditmanager.signoff;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.auditmanager.common.AuditableChange;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.security.AuthenticatedUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The one way a sign-off is checked and recorded, whichever door the task was completed through (our pages and
 * API, or the engine's Tasklist and /engine-rest), so that every record has the same shape.
 */
@Component
class SignOffRecorder {

    private final SignOffSummaries summaries;
    private final SignOffRepository repository;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SignOffRecorder(SignOffSummaries summaries, SignOffRepository repository, ApplicationEventPublisher events,
                    Clock clock) {
        this.summaries = summaries;
        this.repository = repository;
        this.events = events;
        this.clock = clock;
    }

    /** What the signer filled in, read from the form's values (the submitted ones or the task's variables). */
    record Signing(SignOffStep step, String typedName, SignOffDecision decision, String outcome, String comment) {

        static Signing of(SignOffStep step, Map<String, ?> values) {
            Object outcome = values.get(step.decisionField());
            return new Signing(step, text(values.get(SignOffStep.SIGNER_NAME_FIELD)), step.decisionFor(outcome),
                    String.valueOf(outcome), step.commentField() == null ? null : text(values.get(step.commentField())));
        }

        /** The typed name must be the signer's own (trimmed, any case). */
        boolean nameMatches(AuthenticatedUser user) {
            return typedName != null && typedName.strip().equalsIgnoreCase(user.displayName().strip());
        }

        /** A return has to say what has to change, where the form has a field for it. */
        boolean lacksReturnComment() {
            return decision == SignOffDecision.RETURN && step.commentField() != null && comment == null;
        }
    }

    /** The summary and its digest as they would be stored now. */
    Signed summary(Engagement engagement, AuthenticatedUser user) {
        String json = summaries.json(summaries.of(engagement, user));
        return new Signed(json, SignOffSummaries.sha256(json));
    }

    record Signed(String json, String digest) {
    }

    /** Whether this task's sign-off was already recorded (our own completion path writes it first). */
    boolean recorded(Engagement engagement, String processInstanceId, String taskKey, String taskId) {
        return repository.ofStep(engagement.id(), processInstanceId, taskKey).stream()
                .anyMatch(signOff -> signOff.taskId().equals(taskId));
    }

    SignOff record(Engagement engagement, String processInstanceId, String taskId, String taskName,
                   Signing signing, Signed signed, AuthenticatedUser user) {
        String taskKey = signing.step().taskKey();
        SignOff signOff = new SignOff(UUID.randomUUID(), engagement.id(), taskId, taskKey, taskName,
                repository.nextVersion(engagement.id(), processInstanceId, taskKey), signing.decision(),
                signing.outcome(), signing.comment(), user.getUsername(), user.displayName(), signing.typedName(),
                signed.json(), signed.digest(), clock.instant());
        repository.insert(signOff, processInstanceId);
        Map<String, Object> recorded = new LinkedHashMap<>();
        recorded.put("task", taskKey);
        recorded.put("version", signOff.version());
        recorded.put("decision", signing.decision().name());
        recorded.put("outcome", signOff.outcome());
        recorded.put("comment", signing.comment());
        recorded.put("typedName", signing.typedName());
        recorded.put("summarySha256", signed.digest());
        events.publishEvent(AuditableChange.created(user.getUsername(), "SIGNOFF", signOff.id(), engagement.id(),
                engagement.organisationId(), recorded));
        return signOff;
    }

    private static String text(Object value) {
        return value == null || String.valueOf(value).isBlank() ? null : String.valueOf(value).strip();
    }
}
