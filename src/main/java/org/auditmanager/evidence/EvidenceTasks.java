package org.auditmanager.evidence;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.auditmanager.common.ConflictException;
import org.auditmanager.common.InvalidInputException;
import org.auditmanager.common.NotFoundException;
import org.auditmanager.forms.BoundForm;
import org.auditmanager.security.AuthenticatedUser;
import org.auditmanager.tasks.TaskActions;
import org.auditmanager.tasks.TaskForm;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The request's process tasks, worked on from the request itself: the client hands evidence over, an auditor
 * accepts or rejects it. Both complete the task through {@link TaskActions}, so the task form is validated, the
 * submission recorded and the process listeners write the thread, exactly as from the task page.
 */
@Service
public class EvidenceTasks {

    static final String DEFAULT_ACCEPTANCE_REASON = "Evidence accepted.";

    private final EvidenceAccess access;
    private final TaskService taskService;
    private final TaskActions taskActions;
    private final MessageSource messages;

    EvidenceTasks(EvidenceAccess access, TaskService taskService, TaskActions taskActions, MessageSource messages) {
        this.access = access;
        this.taskService = taskService;
        this.taskActions = taskActions;
        this.messages = messages;
    }

    /** The open "Provide evidence" task of the request, if the person may work on it. */
    public Optional<TaskForm> provideTask(UUID requestId, AuthenticatedUser user) {
        return workableTask(requestId, EvidenceProcess.PROVIDE_EVIDENCE, user);
    }

    /** The open "Review evidence" task of the request, if the person may work on it. */
    public Optional<TaskForm> reviewTask(UUID requestId, AuthenticatedUser user) {
        return workableTask(requestId, EvidenceProcess.REVIEW_EVIDENCE, user);
    }

    /** The client hands the evidence over for review. */
    @Transactional
    public void submit(UUID requestId, Map<String, List<String>> values, AuthenticatedUser user) {
        Task task = openTask(requestId, EvidenceProcess.PROVIDE_EVIDENCE, user)
                .orElseThrow(() -> new ConflictException("This request is not waiting for evidence from the client."));
        complete(task, values, user);
    }

    /** An auditor's decision; a rejection needs a reason, an acceptance gets a plain one when none is given. */
    @Transactional
    public void review(UUID requestId, String decision, String reason, AuthenticatedUser user) {
        // whoever may not see the request learns that first, not what a valid decision looks like
        Optional<Task> open = openTask(requestId, EvidenceProcess.REVIEW_EVIDENCE, user);
        boolean accept = EvidenceProcess.ACCEPT.equals(decision);
        if (!accept && !EvidenceProcess.REJECT.equals(decision)) {
            throw new InvalidInputException("Choose to accept or to reject the evidence.",
                    Map.of(EvidenceProcess.DECISION, "Choose to accept or to reject the evidence."));
        }
        boolean noReason = reason == null || reason.isBlank();
        if (!accept && noReason) {
            throw new InvalidInputException("Say why you reject the evidence; the client reads it.",
                    Map.of(EvidenceProcess.REVIEW_REASON, "Say why you reject the evidence; the client reads it."));
        }
        Task task = open.orElseThrow(() -> new ConflictException("This request has no evidence waiting for review."));
        complete(task, Map.of(EvidenceProcess.DECISION, List.of(decision),
                EvidenceProcess.REVIEW_REASON, List.of(noReason ? DEFAULT_ACCEPTANCE_REASON : reason)), user);
    }

    /** The request a task belongs to, for links from the task page; 404 unless the person may see both. */
    public UUID requestOfTask(String taskId, AuthenticatedUser user) {
        taskActions.get(taskId, user);
        Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
        return access.requestOfProcess(task.getProcessInstanceId(), user)
                .orElseThrow(() -> new NotFoundException("Evidence request"));
    }

    private Optional<TaskForm> workableTask(UUID requestId, String taskKey, AuthenticatedUser user) {
        return openTask(requestId, taskKey, user).flatMap(task -> {
            try {
                return Optional.of(taskActions.open(task.getId(), user)).filter(TaskForm::workable);
            } catch (NotFoundException notOfferedToThisClient) {
                return Optional.empty();
            }
        });
    }

    private Optional<Task> openTask(UUID requestId, String taskKey, AuthenticatedUser user) {
        EvidenceRequest request = access.view(requestId, user).request();
        if (request.processInstanceId() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(taskService.createTaskQuery().processInstanceId(request.processInstanceId())
                .taskDefinitionKey(taskKey).active().singleResult());
    }

    private void complete(Task task, Map<String, List<String>> values, AuthenticatedUser user) {
        BoundForm bound = taskActions.complete(task.getId(), values, user);
        if (!bound.isValid()) {
            Map<String, String> errors = new LinkedHashMap<>();
            bound.errors().forEach((field, error) -> errors.put(field, messages.getMessage(error.code(),
                    error.arguments().toArray(), error.code(), LocaleContextHolder.getLocale())));
            throw new InvalidInputException("The form has errors: " + String.join(", ", errors.keySet()) + ".",
                    errors);
        }
    }
}
