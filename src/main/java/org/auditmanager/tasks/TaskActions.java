package org.auditmanager.tasks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.auditmanager.common.AuditableChange;
import org.auditmanager.common.ConflictException;
import org.springframework.context.ApplicationEventPublisher;
import org.auditmanager.common.ForbiddenException;
import org.auditmanager.common.InvalidInputException;
import org.auditmanager.forms.BoundForm;
import org.auditmanager.forms.FormBinder;
import org.auditmanager.forms.FormComponent;
import org.auditmanager.forms.FormDefinition;
import org.auditmanager.forms.FormSchemas;
import org.auditmanager.security.AuthenticatedUser;
import org.auditmanager.security.Role;
import org.auditmanager.security.UserAccounts;
import java.util.Optional;
import org.auditmanager.common.NotFoundException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opening, claiming, handing back and completing tasks. Completion validates the task's form on the server,
 * records the submission (who, when, what) and completes the task in one transaction.
 */
@Service
public class TaskActions {

    private final TaskAccess access;
    private final TaskService taskService;
    private final FormService formService;
    private final RepositoryService repositoryService;
    private final FormSchemas schemas;
    private final FormBinder binder;
    private final JdbcClient jdbc;
    private final ObjectMapper objectMapper;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ObjectProvider<TaskCompletionGuard> guards;
    private final ObjectProvider<TaskFormExtension> extensions;
    private final UserAccounts users;

    TaskActions(TaskAccess access, TaskService taskService, FormService formService,
                RepositoryService repositoryService, FormSchemas schemas, FormBinder binder, JdbcClient jdbc,
                ObjectMapper objectMapper, ApplicationEventPublisher events, Clock clock,
                ObjectProvider<TaskCompletionGuard> guards, ObjectProvider<TaskFormExtension> extensions,
                UserAccounts users) {
        this.access = access;
        this.taskService = taskService;
        this.formService = formService;
        this.repositoryService = repositoryService;
        this.schemas = schemas;
        this.binder = binder;
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
        this.events = events;
        this.clock = clock;
        this.guards = guards;
        this.extensions = extensions;
        this.users = users;
    }

    public TaskItem get(String taskId, AuthenticatedUser user) {
        return access.find(taskId, user).item();
    }

    public TaskForm open(String taskId, AuthenticatedUser user) {
        AccessibleTask found = access.find(taskId, user);
        String json = schemaJson(found.task());
        FormDefinition form = schemas.parse(json);
        // read-only fields show their variable too, as Camunda Forms does; only inputs are submitted
        List<String> keys = form.components().stream().map(FormComponent::key).filter(Objects::nonNull).toList();
        Map<String, Object> values = new HashMap<>(taskService.getVariables(taskId, keys));
        values.keySet().retainAll(keys);
        return new TaskForm(found.item(), found.workable(), form, json, values);
    }

    /** Why this person may not complete the task (a guard's refusal), so the form can say so when it opens. */
    public Optional<String> refusal(TaskForm form, AuthenticatedUser user) {
        if (!form.workable()) {
            return Optional.empty();
        }
        try {
            guards.orderedStream().forEach(guard -> guard.check(form.task().taskKey(), form.task().engagementId(),
                    user.getUsername()));
            return Optional.empty();
        } catch (ForbiddenException refused) {
            return Optional.of(refused.getMessage());
        }
    }

    /** What features add to this task's page (a sign-off's summary, say). */
    public List<TaskFormSection> sections(TaskItem task, AuthenticatedUser user) {
        return extensions.orderedStream().flatMap(extension -> extension.section(task, user).stream()).toList();
    }

    /**
     * The form of a task that is no longer open (someone else completed it), rebuilt from history and the
     * process model, so that a person who was too late sees again what they typed. Empty if the caller could
     * not see that task.
     */
    public Optional<TaskForm> formOfClosedTask(String taskId, AuthenticatedUser user) {
        return access.findClosed(taskId, user).map(closed -> {
            String json = closedTaskFormJson(closed);
            return new TaskForm(closed.item(), false, schemas.parse(json), json, Map.of());
        });
    }

    private String closedTaskFormJson(ClosedTask closed) {
        UserTask userTask = repositoryService.getBpmnModelInstance(closed.processDefinitionId())
                .getModelElementById(closed.taskKey());
        String formId = userTask.getCamundaFormRef();
        String deploymentId = repositoryService.getProcessDefinition(closed.processDefinitionId()).getDeploymentId();
        return repositoryService.getDeploymentResourceNames(deploymentId).stream()
                .filter(name -> name.endsWith(".form"))
                .map(name -> read(repositoryService.getResourceAsStream(deploymentId, name)))
                .filter(json -> formId != null && formId.equals(schemas.parse(json).id()))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Form of task " + closed.taskKey()));
    }

    @Transactional
    public TaskItem claim(String taskId, AuthenticatedUser user) {
        AccessibleTask found = access.findWorkable(taskId, user);
        if (found.task().getAssignee() == null) {
            try {
                taskService.claim(taskId, user.getUsername());
            } catch (TaskAlreadyClaimedException e) {
                throw new ConflictException("This task is already claimed by " + access.nameOf(e.getTaskAssignee()) + ".");
            } catch (OptimisticLockingException lostRace) {
                throw access.conflictAfterRace(taskId, user);
            }
            audit(found, user, "CLAIMED", null, Map.of("assignee", user.getUsername()));
        }
        return access.find(taskId, user).item();
    }

    @Transactional
    public TaskItem unclaim(String taskId, AuthenticatedUser user) {
        AccessibleTask found = access.find(taskId, user);
        if (!user.getUsername().equals(found.task().getAssignee())) {
            throw new ForbiddenException("Only the person a task is assigned to can hand it back.");
        }
        taskService.setAssignee(taskId, null);
        audit(found, user, "UNCLAIMED", Map.of("assignee", user.getUsername()), null);
        return access.find(taskId, user).item();
    }

    /**
     * Hands the task to a colleague: someone of the caller's own organisation (the firm's staff for staff) to whom
     * the task is offered. Only the person it is assigned to, or anyone it is offered to while unassigned, may.
     */
    @Transactional
    public TaskItem handOver(String taskId, String toUsername, AuthenticatedUser user) {
        AccessibleTask found = access.findWorkable(taskId, user);
        AuthenticatedUser colleague = colleague(toUsername, user)
                .orElseThrow(TaskActions::notAColleague);
        try {
            if (!access.find(taskId, colleague).workable()) {
                throw notOfferedTo(colleague);
            }
        } catch (NotFoundException hiddenFromThem) {
            throw notOfferedTo(colleague);
        }
        String before = found.task().getAssignee();
        try {
            taskService.setAssignee(taskId, colleague.getUsername());
        } catch (OptimisticLockingException lostRace) {
            throw access.conflictAfterRace(taskId, user);
        }
        Map<String, Object> was = new HashMap<>();
        was.put("assignee", before);
        audit(found, user, "HANDED_OVER", was, Map.of("assignee", colleague.getUsername()));
        return access.find(taskId, user).item();
    }

    /**
     * The people the caller may hand tasks to: active accounts of the caller's organisation for a client, the
     * firm's other staff for staff; by name.
     */
    public List<Colleague> colleaguesOf(AuthenticatedUser user) {
        return users.findAll().stream()
                .filter(account -> !account.username().equals(user.getUsername()))
                .filter(account -> sameSide(account.organisationId(), account.roles().contains(Role.CLIENT), user))
                .filter(account -> users.stateOf(account).active())
                .map(account -> new Colleague(account.username(), account.displayName()))
                .sorted(Comparator.comparing(Colleague::displayName))
                .toList();
    }

    /** The name a person is shown by; the user name when there is no such account. */
    public String colleagueName(String username) {
        return access.nameOf(username);
    }

    private Optional<AuthenticatedUser> colleague(String username, AuthenticatedUser user) {
        if (username == null || username.isBlank() || username.equals(user.getUsername())) {
            return Optional.empty();
        }
        return users.find(username)
                .filter(account -> users.stateOf(account).active())
                .flatMap(account -> users.principal(account.username()))
                .filter(person -> sameSide(person.organisationId(), person.isClient(), user));
    }

    private static boolean sameSide(UUID organisationId, boolean client, AuthenticatedUser user) {
        return user.isClient() ? client && user.organisationId().equals(organisationId) : !client;
    }

    private static InvalidInputException notAColleague() {
        String message = "Choose a colleague of your own organisation.";
        return new InvalidInputException(message, Map.of("assignee", message));
    }

    private InvalidInputException notOfferedTo(AuthenticatedUser colleague) {
        String message = "This task is not offered to " + colleague.displayName() + ".";
        return new InvalidInputException(message, Map.of("assignee", message));
    }

    /**
     * Completes the task when its form is valid; otherwise changes nothing and returns the errors with the
     * submitted values, so that the form can be shown again as the person filled it in. A feature's
     * {@link TaskCompletionGuard} may refuse the person first; a rule the process checks while completing
     * (in a listener or service task) arrives as the feature's own exception, with nothing changed.
     */
    @Transactional
    public BoundForm complete(String taskId, Map<String, List<String>> submitted, AuthenticatedUser user) {
        AccessibleTask found = access.findWorkable(taskId, user);
        guards.orderedStream().forEach(guard -> guard.check(found.task().getTaskDefinitionKey(),
                found.engagement().id(), user.getUsername()));
        FormDefinition form = schemas.parse(schemaJson(found.task()));
        BoundForm bound = binder.bind(form, submitted);
        if (!bound.isValid()) {
            return bound;
        }
        try {
            if (found.task().getAssignee() == null) {
                taskService.claim(taskId, user.getUsername());
            }
            recordSubmission(found, form, bound, user);
            extensions.orderedStream().forEach(extension -> extension.completing(found.item(), bound.values(),
                    submitted, user));
            taskService.complete(taskId, bound.values());
        } catch (OptimisticLockingException lostRace) {
            // someone claimed or completed it between our read and our write; this transaction rolls back
            throw access.conflictAfterRace(taskId, user);
        } catch (ProcessEngineException e) {
            throw refusalIn(e);
        }
        audit(found, user, "COMPLETED", null, bound.values());
        return bound;
    }

    private void audit(AccessibleTask task, AuthenticatedUser user, String action, Map<String, ?> before,
                       Map<String, ?> after) {
        Map<String, Object> described = new java.util.LinkedHashMap<>();
        described.put("task", task.task().getTaskDefinitionKey());
        if (after != null) {
            described.putAll(after);
        }
        events.publishEvent(new AuditableChange(user.getUsername(), "TASK", task.task().getId(), action,
                task.engagement().id(), task.engagement().organisationId(), before, described));
    }

    /** The engine wraps what an expression listener throws; a rule's refusal is passed on as itself. */
    private static RuntimeException refusalIn(ProcessEngineException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidInputException || cause instanceof ForbiddenException
                    || cause instanceof ConflictException) {
                return (RuntimeException) cause;
            }
        }
        return e;
    }

    private void recordSubmission(AccessibleTask found, FormDefinition form, BoundForm bound, AuthenticatedUser user) {
        Task task = found.task();
        jdbc.sql("""
                        insert into task_submission (id, task_id, task_key, task_name, engagement_id, form_id,
                            values_json, submitted_by, submitted_at)
                        values (:id, :taskId, :taskKey, :taskName, :engagementId, :formId, :values, :by, :at)""")
                .param("id", UUID.randomUUID())
                .param("taskId", task.getId())
                .param("taskKey", task.getTaskDefinitionKey())
                .param("taskName", task.getName())
                .param("engagementId", found.engagement().id())
                .param("formId", form.id())
                .param("values", json(bound.values()))
                .param("by", user.getUsername())
                .param("at", Timestamp.from(clock.instant()))
                .update();
    }

    private String schemaJson(Task task) {
        return read(formService.getDeployedTaskForm(task.getId()));
    }

    private static String read(InputStream stream) {
        try (InputStream form = stream) {
            return new String(form.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String json(Map<String, Object> values) {
        try {
            return objectMapper.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("form values are plain text, numbers and booleans", e);
        }
    }
}
