package org.auditmanager.tasks;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jakarta.servlet.http.HttpServletResponse;
import org.auditmanager.common.ConflictException;
import org.auditmanager.common.ForbiddenException;
import org.auditmanager.common.InvalidInputException;
import org.auditmanager.forms.BoundForm;
import org.auditmanager.forms.RenderedForm;
import org.auditmanager.security.AuthenticatedUser;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class TaskPagesController {

    private static final String FORM = "tasks/form";

    private final TaskActions actions;
    private final MessageSource messages;
    private final Clock clock;

    TaskPagesController(TaskActions actions, MessageSource messages, Clock clock) {
        this.actions = actions;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/tasks/{id}")
    String open(@PathVariable String id, @AuthenticationPrincipal AuthenticatedUser user, Model model) {
        TaskForm task = actions.open(id, user);
        actions.refusal(task, user).ifPresent(reason -> model.addAttribute("refusal", reason));
        return showForm(task, RenderedForm.of(task.form(), task.values()), user, model);
    }

    @PostMapping("/tasks/{id}/claim")
    String claim(@PathVariable String id, @AuthenticationPrincipal AuthenticatedUser user, RedirectAttributes redirect,
                 Locale locale) {
        actions.claim(id, user);
        redirect.addFlashAttribute("flash", messages.getMessage("task.claimed", null, locale));
        return "redirect:/tasks/" + id;
    }

    @PostMapping("/tasks/{id}/unclaim")
    String unclaim(@PathVariable String id, @AuthenticationPrincipal AuthenticatedUser user,
                   RedirectAttributes redirect, Locale locale) {
        actions.unclaim(id, user);
        redirect.addFlashAttribute("flash", messages.getMessage("task.unclaimed", null, locale));
        return "redirect:/tasks/" + id;
    }

    @PostMapping("/tasks/{id}/complete")
    String complete(@PathVariable String id, @RequestParam MultiValueMap<String, String> params,
                    @AuthenticationPrincipal AuthenticatedUser user, Model model, RedirectAttributes redirect,
                    Locale locale, HttpServletResponse response) {
        Map<String, List<String>> submitted = new LinkedHashMap<>(params);
        submitted.remove("_csrf");
        TaskForm task;
        BoundForm bound;
        try {
            task = actions.open(id, user);
            bound = actions.complete(id, submitted, user);
        } catch (ConflictException e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return showConflict(id, user, submitted, e, model);
        } catch (ForbiddenException | InvalidInputException e) {
            return showRefusal(id, user, submitted, e, model, response);
        }
        if (!bound.isValid()) {
            Map<String, String> errors = new LinkedHashMap<>();
            bound.errors().forEach((field, error) -> errors.put(field,
                    messages.getMessage(error.code(), error.arguments().toArray(), error.code(), locale)));
            model.addAttribute("flashError", messages.getMessage("task.formErrors", null, locale));
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return showForm(task, asTyped(task, submitted, errors), user, model);
        }
        redirect.addFlashAttribute("flash", messages.getMessage("task.completed", new Object[] {task.task().name()}, locale));
        return "redirect:/engagements/" + task.task().engagementId();
    }

    /** Someone else was faster: show the form again with everything this person typed, and why it failed. */
    private String showConflict(String id, AuthenticatedUser user, Map<String, List<String>> submitted,
                                ConflictException conflict, Model model) {
        TaskForm task = actions.formOfClosedTask(id, user).orElseGet(() -> actions.open(id, user));
        model.addAttribute("flashError", conflict.getMessage());
        model.addAttribute("conflict", true);
        return showForm(task, asTyped(task, submitted, Map.of()), user, model);
    }

    /** The process refused the completion with a reason (a rule of its own): show it at the form, keep the input. */
    private String showRefusal(String id, AuthenticatedUser user, Map<String, List<String>> submitted,
                               RuntimeException refusal, Model model, HttpServletResponse response) {
        TaskForm task = actions.open(id, user);
        Map<String, String> errors = refusal instanceof InvalidInputException invalid ? invalid.fieldErrors() : Map.of();
        response.setStatus(refusal instanceof ForbiddenException ? HttpStatus.FORBIDDEN.value()
                : HttpStatus.BAD_REQUEST.value());
        // a person refused by a guard sees the reason in the form itself, which stays closed to them
        model.addAttribute(refusal instanceof ForbiddenException ? "refusal" : "flashError", refusal.getMessage());
        return showForm(task, asTyped(task, submitted, errors), user, model);
    }

    private static RenderedForm asTyped(TaskForm task, Map<String, List<String>> submitted, Map<String, String> errors) {
        Map<String, String> values = new LinkedHashMap<>();
        submitted.forEach((key, given) -> values.put(key, String.join(",", given)));
        return new RenderedForm(task.form(), values, errors);
    }

    private String showForm(TaskForm task, RenderedForm form, AuthenticatedUser user, Model model) {
        model.addAttribute("task", task);
        model.addAttribute("sections", actions.sections(task.task(), user));
        model.addAttribute("form", form);
        model.addAttribute("now", clock.instant());
        return FORM;
    }
}
