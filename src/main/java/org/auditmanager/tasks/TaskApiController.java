package org.auditmanager.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.auditmanager.common.InvalidInputException;
import org.auditmanager.forms.BoundForm;
import org.auditmanager.forms.FieldError;
import org.auditmanager.security.AuthenticatedUser;
import org.auditmanager.common.PageOf;
import org.auditmanager.common.PageRequest;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/tasks")
class TaskApiController {

    private final TaskLists lists;
    private final TaskActions actions;
    private final MessageSource messages;
    private final ObjectMapper objectMapper;

    TaskApiController(TaskLists lists, TaskActions actions, MessageSource messages, ObjectMapper objectMapper) {
        this.lists = lists;
        this.actions = actions;
        this.messages = messages;
        this.objectMapper = objectMapper;
    }

    record TaskDetail(TaskItem task, boolean workable, JsonNode form, Map<String, Object> values) {
    }

    @GetMapping
    PageOf<TaskItem> list(@RequestParam(required = false) UUID engagementId,
                          @RequestParam(required = false) String taskKey,
                          @RequestParam(required = false) String assignment,
                          @RequestParam(required = false) Boolean overdue,
                          @RequestParam(required = false) Integer dueWithinDays,
                          @Parameter(description = "the firm's work queues (staff only): the task types of one queue")
                          @RequestParam(required = false) TaskQueue queue,
                          @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                          @AuthenticationPrincipal AuthenticatedUser user) {
        PageRequest request = PageRequest.of(page, size);
        if (assignment != null && !List.of("mine", "unassigned").contains(assignment)) {
            throw new InvalidInputException("assignment is 'mine' or 'unassigned'.");
        }
        if (queue != null && user.isClient()) {
            throw new InvalidInputException("The work queues are the audit firm's; filter by taskKey instead.");
        }
        TaskPage found = lists.list(user, new TaskFilter(engagementId, taskKey, assignment, overdue, dueWithinDays,
                queue), request.page(), request.size());
        return new PageOf<>(found.items(), found.total(), found.page(), found.size());
    }

    @GetMapping("/{id}")
    TaskDetail get(@PathVariable String id, @AuthenticationPrincipal AuthenticatedUser user) throws Exception {
        TaskForm form = actions.open(id, user);
        return new TaskDetail(form.task(), form.workable(), objectMapper.readTree(form.schemaJson()), form.values());
    }

    @PostMapping("/{id}/claim")
    TaskItem claim(@PathVariable String id, @AuthenticationPrincipal AuthenticatedUser user) {
        return actions.claim(id, user);
    }

    @PostMapping("/{id}/unclaim")
    TaskItem unclaim(@PathVariable String id, @AuthenticationPrincipal AuthenticatedUser user) {
        return actions.unclaim(id, user);
    }

    record HandOver(@Schema(description = "user name of a colleague the task is offered to") String to) {
    }

    /** Those the caller may hand a task to: people of their own organisation, or the firm's other staff. */
    @GetMapping("/colleagues")
    PageOf<Colleague> colleagues(@RequestParam(required = false) Integer page,
                                 @RequestParam(required = false) Integer size,
                                 @AuthenticationPrincipal AuthenticatedUser user) {
        return PageOf.of(actions.colleaguesOf(user), PageRequest.of(page, size));
    }

    @PostMapping("/{id}/hand-over")
    TaskItem handOver(@PathVariable String id, @RequestBody HandOver request,
                      @AuthenticationPrincipal AuthenticatedUser user) {
        return actions.handOver(id, request.to(), user);
    }

    @PostMapping("/{id}/complete")
    @ApiResponse(responseCode = "204", description = "Completed; the process has moved on.")
    ResponseEntity<Void> complete(@PathVariable String id, @RequestBody(required = false) Map<String, JsonNode> body,
                                  @AuthenticationPrincipal AuthenticatedUser user, Locale locale) {
        BoundForm bound = actions.complete(id, asSubmitted(body == null ? Map.of() : body), user);
        if (!bound.isValid()) {
            Map<String, String> errors = new LinkedHashMap<>();
            bound.errors().forEach((field, error) -> errors.put(field, message(error, locale)));
            throw new InvalidInputException("The form has errors: " + String.join(", ", errors.keySet()) + ".", errors);
        }
        return ResponseEntity.noContent().build();
    }

    /** JSON values as the same text lists an HTML form posts, so both go through one validation. */
    private static Map<String, List<String>> asSubmitted(Map<String, JsonNode> body) {
        Map<String, List<String>> submitted = new LinkedHashMap<>();
        body.forEach((key, value) -> {
            List<String> texts = new ArrayList<>();
            if (value != null && value.isArray()) {
                value.forEach(element -> texts.add(element.asText()));
            } else if (value != null && !value.isNull()) {
                texts.add(value.isValueNode() ? value.asText() : value.toString());
            }
            submitted.put(key, texts);
        });
        return submitted;
    }

    private String message(FieldError error, Locale locale) {
        return messages.getMessage(error.code(), error.arguments().toArray(), error.code(), locale);
    }
}
