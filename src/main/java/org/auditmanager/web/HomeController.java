package org.auditmanager.web;

import java.time.Clock;
import org.auditmanager.engagement.Engagements;
import org.auditmanager.security.AuthenticatedUser;
import org.auditmanager.tasks.TaskFilter;
import org.auditmanager.tasks.TaskLists;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The first page after sign-in: the person's own tasks and engagements, whatever their role. */
@Controller
class HomeController {

    private static final int HOME_ITEMS = 10;

    private final TaskLists tasks;
    private final Engagements engagements;
    private final Clock clock;

    HomeController(TaskLists tasks, Engagements engagements, Clock clock) {
        this.tasks = tasks;
        this.engagements = engagements;
        this.clock = clock;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal AuthenticatedUser user, Model model) {
        model.addAttribute("user", user);
        model.addAttribute("tasks", tasks.list(user, TaskFilter.NONE, 0, HOME_ITEMS));
        model.addAttribute("engagements", engagements.visibleTo(user, 0, HOME_ITEMS));
        model.addAttribute("engagementCount", engagements.countVisibleTo(user));
        model.addAttribute("now", clock.instant());
        return "home";
    }
}
