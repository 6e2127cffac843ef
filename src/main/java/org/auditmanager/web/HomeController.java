package org.auditmanager.web;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.auditmanager.common.PageRequest;
import org.auditmanager.engagement.Engagements;
import org.auditmanager.security.AuthenticatedUser;
import org.auditmanager.tasks.TaskFilter;
import org.auditmanager.tasks.TaskLists;
import org.auditmanager.tasks.TaskPage;
import org.auditmanager.tasks.TaskQueue;
import org.auditmanager.tasks.TaskWorkspaces;
import org.auditmanager.timeline.EngagementsAtRisk;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The first page after sign-in. A client's compliance manager gets the organisation's open tasks across its
 * engagements, grouped by engagement; the audit firm's staff get their work queues (evidence and responses to
 * review, sign-offs and decisions), the engagements at risk, and the same task list. The filters apply to all.
 */
@Controller
class HomeController {

    private static final int HOME_ITEMS = 10;
    private static final int QUEUE_ITEMS = 5;
    private static final int PAGE_SIZE = 25;

    private final TaskWorkspaces workspaces;
    private final TaskLists tasks;
    private final EngagementsAtRisk atRisk;
    private final Engagements engagements;
    private final Clock clock;

    HomeController(TaskWorkspaces workspaces, TaskLists tasks, EngagementsAtRisk atRisk, Engagements engagements,
                   Clock clock) {
        this.workspaces = workspaces;
        this.tasks = tasks;
        this.atRisk = atRisk;
        this.engagements = engagements;
        this.clock = clock;
    }

    @GetMapping("/")
    String home(@RequestParam(required = false) UUID engagementId,
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
        model.addAttribute("user", user);
        model.addAttribute("ws", workspaces.of("/", user, filter, request.page(), request.size()));
        if (!user.isClient()) {
            Map<TaskQueue, TaskPage> queues = new EnumMap<>(TaskQueue.class);
            for (TaskQueue each : TaskQueue.values()) {
                queues.put(each, tasks.oversee(user, filter.withQueue(each), 0, QUEUE_ITEMS));
            }
            model.addAttribute("queues", queues);
            model.addAttribute("atRisk", atRisk.of(user, filter));
        }
        model.addAttribute("engagements", engagements.visibleTo(user, 0, HOME_ITEMS));
        model.addAttribute("engagementCount", engagements.countVisibleTo(user));
        model.addAttribute("now", clock.instant());
        model.addAttribute("today", java.time.LocalDate.now(clock));
        return "home";
    }
}
