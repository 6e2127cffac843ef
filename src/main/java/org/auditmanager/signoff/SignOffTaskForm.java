package org.auditmanager.signoff;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.auditmanager.common.InvalidInputException;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.engagement.Engagements;
import org.auditmanager.security.AuthenticatedUser;
import org.auditmanager.tasks.TaskFormExtension;
import org.auditmanager.tasks.TaskFormSection;
import org.auditmanager.tasks.TaskItem;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
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
    private final SignOffRecorder recorder;
    private final Engagements engagements;
    private final TaskService taskService;
    private final MessageSource messages;

    SignOffTaskForm(SignOffSummaries summaries, SignOffRepository repository, SignOffRecorder recorder,
                    Engagements engagements, TaskService taskService, MessageSource messages) {
        this.summaries = summaries;
        this.repository = repository;
        this.recorder = recorder;
        this.engagements = engagements;
        this.taskService = taskService;
        this.messages = messages;
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
        SignOffRecorder.Signing signing = SignOffRecorder.Signing.of(step.get(), values);
        Map<String, String> errors = new LinkedHashMap<>();
        if (!signing.nameMatches(user)) {
            errors.put(SignOffStep.SIGNER_NAME_FIELD, message("signoff.error.nameMismatch", user.displayName()));
        }
        if (signing.lacksReturnComment()) {
            errors.put(step.get().commentField(), message("signoff.error.returnNeedsComment"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(message("signoff.error.notSigned"), errors);
        }
        SignOffRecorder.Signed signed = recorder.summary(engagement, user);
        String shown = submitted.getOrDefault(SignOffStep.SUMMARY_DIGEST_FIELD, List.of()).stream().findFirst()
                .orElse(null);
        if (shown != null && !shown.equals(signed.digest())) {
            // what the page showed is no longer what would be stored: the signer has to see the new summary first
            throw new InvalidInputException(message("signoff.error.summaryChanged"));
        }
        recorder.record(engagement, open.get().getProcessInstanceId(), task.id(), task.name(), signing, signed, user);
    }

    private Optional<Task> openTask(TaskItem task) {
        return Optional.ofNullable(taskService.createTaskQuery().taskId(task.id()).singleResult());
    }

    private String message(String code, Object... arguments) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(code, arguments, locale);
    }
}
