package org.auditmanager.timeline;

import java.util.List;
import java.util.UUID;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.engagement.Engagements;
import org.auditmanager.security.AuthenticatedUser;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The engagement's BPMN diagram with current and completed activities marked. The page lists the steps in
 * HTML; bpmn-js (served from our static files) draws the diagram from the two endpoints below.
 */
@Controller
class ProcessViewController {

    private static final String PROCESS = "timeline/process";

    record Activities(String instanceId, List<String> current, List<String> completed) {
    }

    private final Engagements engagements;
    private final ProcessViews views;

    ProcessViewController(Engagements engagements, ProcessViews views) {
        this.engagements = engagements;
        this.views = views;
    }

    @GetMapping("/engagements/{id}/process")
    String page(@PathVariable UUID id, @AuthenticationPrincipal AuthenticatedUser user, Model model) {
        Engagement engagement = visible(id, user);
        model.addAttribute("engagement", engagement);
        model.addAttribute("instances", views.of(engagement));
        return PROCESS;
    }

    @GetMapping(value = "/engagements/{id}/process.bpmn", produces = MediaType.APPLICATION_XML_VALUE)
    ResponseEntity<String> bpmn(@PathVariable UUID id, @RequestParam(required = false) String instance,
                                @AuthenticationPrincipal AuthenticatedUser user) {
        ProcessViews.Instance shown = views.one(visible(id, user), instance);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(views.bpmnXml(shown));
    }

    @GetMapping(value = "/engagements/{id}/process/activities", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Activities activities(@PathVariable UUID id, @RequestParam(required = false) String instance,
                          @AuthenticationPrincipal AuthenticatedUser user) {
        ProcessViews.Instance shown = views.one(visible(id, user), instance);
        return new Activities(shown.id(), shown.currentIds(), shown.completedIds());
    }

    private Engagement visible(UUID id, AuthenticatedUser user) {
        Engagement engagement = engagements.get(id, user);
        ProcessViews.requireStaff(user);
        return engagement;
    }
}
