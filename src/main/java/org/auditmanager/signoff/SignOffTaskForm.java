package org.auditmanager.signoff;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.auditmanager.common.AuditableChange;
import org.auditmanager.common.InvalidInputException;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.engagement.Engagements;
import org.auditmanager.security.AuthenticatedUser;
import org.auditmanager.tasks.TaskFormExtension;
import org.auditmanager.tasks.TaskFormSection;
import org.auditmanager.tasks.TaskItem;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Makes the sign-off tasks ({@link SignOffStep}) sign-offs: their page shows what is being signed, and their
 * completion, whether from the page or the API, checks the typed name against the signer's account and records
 * the sign-off in the completing transaction.
 */
@Component
class SignOffTaskForm implements TaskFormExtension {

    private final SignOffSummaries summaries;
    private final SignOffRepository repository;
    private final Engagements engagements;
    private final TaskService taskService;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final Clock clock;

    SignOffTaskForm(SignOffSummaries summaries, SignOffRepository repository, Engagements engagements,
                    TaskService taskService, ApplicationEventPublisher events, MessageSource messages, Clock clock) {
        this.summaries = summaries;
        this.repository = repository;
        this.engagements = engagements;
        this.taskService = taskService;
        this.events = events;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public Optional<TaskFormSection> section(TaskItem task, AuthenticatedUser user) {
        Optional<Task> open = openTask(task);
        if (SignOffStep.of(task.taskKey()).isEmpty() || open.isEmpty()) {
            return Optional.empty();
        }
        Engagement engagement = engagements.get(task.engagementId(), user);
        SignOffSummary summary = summaries.of(engagement, user);
        List<SignOff> earlier = repository.ofStep(engagement.id(), open.get().getProcessInstanceId(), task.taskKey());
        return Optional.of(new TaskFormSection(SignOffForm.TEMPLATE,
                new SignOffForm(summary, SignOffSummaries.sha256(summaries.json(summary)), earlier)));
    }

    @Override
    public void completing(TaskItem task, Map<String, Object> values, Map<String, List<String>> submitted,
                           AuthenticatedUser user) {
        Optional<SignOffStep> step = SignOffStep.of(task.taskKey());
        Optional<Task> open = openTask(task);
        if (step.isEmpty() || open.isEmpty()) {
            return;
        }
        Engagement engagement = engagements.get(task.engagementId(), user);
        String typedName = text(values.get(SignOffStep.SIGNER_NAME_FIELD));
        SignOffDecision decision = step.get().decisionFor(values.get(step.get().decisionField()));
        String comment = step.get().commentField() == null ? null : text(values.get(step.get().commentField()));
        check(step.get(), decision, typedName, comment, user);

        SignOffSummary summary = summaries.of(engagement, user);
        String json = summaries.json(summary);
        String digest = SignOffSummaries.sha256(json);
        String shown = submitted.getOrDefault(SignOffStep.SUMMARY_DIGEST_FIELD, List.of()).stream().findFirst()
                .orElse(null);
        if (shown != null && !shown.equals(digest)) {
            // what the page showed is no longer what would be stored: the signer has to see the new summary first
            throw new InvalidInputException(message("signoff.error.summaryChanged"));
        }
        String processInstanceId = open.get().getProcessInstanceId();
        SignOff signOff = new SignOff(UUID.randomUUID(), engagement.id(), task.id(), task.taskKey(), task.name(),
                repository.nextVersion(engagement.id(), processInstanceId, task.taskKey()), decision,
                String.valueOf(values.get(step.get().decisionField())), comment, user.getUsername(),
                user.displayName(), typedName, json, digest, clock.instant());
        repository.insert(signOff, processInstanceId);
        Map<String, Object> recorded = new LinkedHashMap<>();
        recorded.put("task", task.taskKey());
        recorded.put("version", signOff.version());
        recorded.put("decision", decision.name());
        recorded.put("outcome", signOff.outcome());
        recorded.put("comment", comment);
        recorded.put("typedName", typedName);
        recorded.put("summarySha256", digest);
        events.publishEvent(AuditableChange.created(user.getUsername(), "SIGNOFF", signOff.id(), engagement.id(),
                engagement.organisationId(), recorded));
    }

    /** The typed name must be the signer's own (trimmed, any case); a return says what has to change. */
    private void check(SignOffStep step, SignOffDecision decision, String typedName, String comment,
                       AuthenticatedUser user) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (typedName == null || !typedName.strip().equalsIgnoreCase(user.displayName().strip())) {
            errors.put(SignOffStep.SIGNER_NAME_FIELD, message("signoff.error.nameMismatch", user.displayName()));
        }
        if (decision == SignOffDecision.RETURN && step.commentField() != null && comment == null) {
            errors.put(step.commentField(), message("signoff.error.returnNeedsComment"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(message("signoff.error.notSigned"), errors);
        }
    }

    private Optional<Task> openTask(TaskItem task) {
        return Optional.ofNullable(taskService.createTaskQuery().taskId(task.id()).singleResult());
    }

    private String message(String code, Object... arguments) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(code, arguments, locale);
    }

    private static String text(Object value) {
        return value == null || String.valueOf(value).isBlank() ? null : String.valueOf(value).strip();
    }
}
