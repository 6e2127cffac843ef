package org.auditmanager.audit;

import java.util.List;
import java.util.UUID;
import org.auditmanager.common.PageOf;
import org.auditmanager.common.PageRequest;
import org.auditmanager.engagement.Engagements;
import org.auditmanager.security.AuthenticatedUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit trail of one engagement, newest first, filtered by action and actor. */
@Controller
class AuditTrailPagesController {

    private static final String PAGE = "audit/trail";
    private static final int PAGE_SIZE = 50;

    /** An entry with its before and after values split into fields, for display. */
    record Row(TrailEntry entry, List<EngagementTrail.Change> changes) {
    }

    private final EngagementTrail trail;
    private final Engagements engagements;

    AuditTrailPagesController(EngagementTrail trail, Engagements engagements) {
        this.trail = trail;
        this.engagements = engagements;
    }

    @GetMapping("/engagements/{id}/trail")
    String show(@PathVariable UUID id, @RequestParam(required = false) String action,
                @RequestParam(required = false) String actor, @RequestParam(required = false) Integer page,
                @AuthenticationPrincipal AuthenticatedUser user, Model model) {
        model.addAttribute("engagement", engagements.get(id, user));
        PageOf<TrailEntry> entries = trail.of(id, new TrailFilter(action, actor), PageRequest.of(page, PAGE_SIZE), user);
        model.addAttribute("rows", entries.items().stream().map(entry -> new Row(entry, trail.changesOf(entry))).toList());
        model.addAttribute("total", entries.total());
        model.addAttribute("page", entries.page());
        model.addAttribute("pages", (entries.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        model.addAttribute("actions", trail.actionsOf(id, user));
        model.addAttribute("actors", trail.actorsOf(id, user));
        model.addAttribute("action", action == null ? "" : action);
        model.addAttribute("actor", actor == null ? "" : actor);
        // where staff signed in from is not the client's business
        model.addAttribute("showAddress", !user.isClient());
        return PAGE;
    }
}
