package org.auditmanager.tasks;

import java.time.Clock;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.auditmanager.common.ConflictException;
import org.auditmanager.common.ForbiddenException;
import org.auditmanager.common.InvalidInputException;
import org.auditmanager.common.PageRequest;
import org.auditmanager.security.AuthenticatedUser;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The task list: the caller's open tasks grouped by engagement, with filters, counts and paging; claiming,
 * handing back and handing over a task from the list, each a form post that comes back to the same list.
 */
@Controller
class TaskWorkspaceController {

    private static final String LIST = "tasks/list";
    static final int PAGE_SIZE = 25;
    /** Where a list action may send the person back to: the task list or the home page, with their filter. */
    private static final Pattern LIST_PAGE = Pattern.compile("^/(tasks)?(\\?[^\\\\]*)?$");

    private final TaskWorkspaces workspaces;
    private final TaskActions actions;
    private final MessageSource messages;
    private final Clock clock;

    TaskWorkspaceController(TaskWorkspaces workspaces, TaskActions actions, MessageSource messages, Clock clock) {
        this.workspaces = workspaces;
        this.actions = actions;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/tasks")
    String list(@RequestParam(required = false) UUID engagementId,
                @RequestParam(required = false) String taskKey,
                @RequestParam(required = false) TaskQueue queue,
                @RequestParam(required = false) String assignment,
                @RequestParam(required = false) Boolean overdue,
                @RequestParam(required = false) Integer dueWithinDays,
                @RequestParam(required = false) Integer page,
                @AuthenticationPrincipal AuthenticatedUser user, Model model) {
        PageRequest request = PageRequest.of(page, PAGE_SIZE);
        TaskFilter filter = new TaskFilter(engagementId, taskKey, assignment, overdue, dueWithinDays,
                user.isClient() ? null : queue);
        model.addAttribute("ws", workspaces.of("/tasks", user, filter, request.page(), request.size()));
        model.addAttribute("now", clock.instant());
        return LIST;
    }

    /** Claim ({@code action=claim}), hand back ({@code unclaim}) or hand over ({@code handOver} to {@code to}). */
    @PostMapping("/tasks/{id}/assignment")
    String assign(@PathVariable String id, @RequestParam String action, @RequestParam(required = false) String to,
                  @RequestParam(required = false) String returnTo, @AuthenticationPrincipal AuthenticatedUser user,
                  RedirectAttributes redirect, Locale locale) {
        try {
            TaskItem task = switch (action) {
                case "claim" -> actions.claim(id, user);
                case "unclaim" -> actions.unclaim(id, user);
                case "handOver" -> actions.handOver(id, to, user);
                default -> throw new InvalidInputException("The action is claim, unclaim or handOver.");
            };
            String done = "handOver".equals(action)
                    ? messages.getMessage("workspace.handedOver", new Object[] {task.name(), displayName(to)}, locale)
                    : messages.getMessage("workspace." + action + "ed", new Object[] {task.name()}, locale);
            redirect.addFlashAttribute("flash", done);
        } catch (ConflictException | ForbiddenException | InvalidInputException refused) {
            redirect.addFlashAttribute("flashError", refused.getMessage());
        }
        return "redirect:" + (returnTo != null && LIST_PAGE.matcher(returnTo).matches() ? returnTo : "/tasks");
    }

    private String displayName(String username) {
        return actions.colleagueName(username);
    }
}
