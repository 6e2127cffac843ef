package org.auditmanager.evidence;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.auditmanager.common.ConflictException;
import org.auditmanager.common.InvalidInputException;
import org.auditmanager.engagement.Engagements;
import org.auditmanager.forms.RenderedForm;
import org.auditmanager.security.AuthenticatedUser;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One request's page: what is asked, its files and thread, and whatever the person can do with it now
 * (upload, hand over, review, comment, share, cancel).
 */
@Controller
class EvidenceRequestPagesController {

    private static final String DETAIL = "evidence/detail";

    private final EvidenceRequests requests;
    private final EvidenceTasks tasks;
    private final EvidenceReuse reuse;
    private final Engagements engagements;
    private final EvidenceProperties properties;
    private final MessageSource messages;
    private final Clock clock;

    EvidenceRequestPagesController(EvidenceRequests requests, EvidenceTasks tasks, EvidenceReuse reuse,
                                   Engagements engagements, EvidenceProperties properties, MessageSource messages,
                                   Clock clock) {
        this.requests = requests;
        this.tasks = tasks;
        this.reuse = reuse;
        this.engagements = engagements;
        this.properties = properties;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/evidence-requests/{id}")
    String detail(@PathVariable UUID id, @AuthenticationPrincipal AuthenticatedUser user, Model model) {
        EvidenceRequestView view = requests.view(id, user);
        model.addAttribute("view", view);
        model.addAttribute("request", view.request());
        model.addAttribute("engagement", engagements.get(view.request().engagementId(), user));
        model.addAttribute("mayManage", requests.mayManage(view.request(), user));
        model.addAttribute("mayUpload", requests.mayUpload(view.request(), user));
        tasks.provideTask(id, user).ifPresent(task ->
                model.addAttribute("provideForm", RenderedForm.of(task.form(), task.values())));
        model.addAttribute("reuseCandidates", reuse.candidates(id, user));
        model.addAttribute("mayReview", tasks.reviewTask(id, user).isPresent());
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("maxFileMb", properties.maxFileSize().toMegabytes());
        return DETAIL;
    }

    @PostMapping("/evidence-requests/{id}/share")
    String share(@PathVariable UUID id, @AuthenticationPrincipal AuthenticatedUser user, RedirectAttributes redirect,
                 Locale locale) {
        return act(id, redirect, () -> requests.share(List.of(id), user),
                messages.getMessage("evidence.shared", new Object[] {1}, locale));
    }

    @PostMapping("/evidence-requests/{id}/cancel")
    String cancel(@PathVariable UUID id, @RequestParam(required = false) String reason,
                  @AuthenticationPrincipal AuthenticatedUser user, RedirectAttributes redirect, Locale locale) {
        return act(id, redirect, () -> requests.cancel(id, reason, user),
                messages.getMessage("evidence.cancelled", null, locale));
    }

    @PostMapping("/evidence-requests/{id}/comments")
    String comment(@PathVariable UUID id, @RequestParam(required = false) String text,
                   @AuthenticationPrincipal AuthenticatedUser user, RedirectAttributes redirect, Locale locale) {
        return act(id, redirect, () -> requests.comment(id, text, user),
                messages.getMessage("evidence.commented", null, locale));
    }

    @PostMapping("/evidence-requests/{id}/submit")
    String submit(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> params,
                  @AuthenticationPrincipal AuthenticatedUser user, RedirectAttributes redirect, Locale locale) {
        Map<String, List<String>> values = new LinkedHashMap<>(params);
        values.remove("_csrf");
        return act(id, redirect, () -> tasks.submit(id, values, user),
                messages.getMessage("evidence.submitted", null, locale));
    }

    @PostMapping("/evidence-requests/{id}/review")
    String review(@PathVariable UUID id, @RequestParam(required = false) String decision,
                  @RequestParam(required = false) String reason, @AuthenticationPrincipal AuthenticatedUser user,
                  RedirectAttributes redirect, Locale locale) {
        return act(id, redirect, () -> tasks.review(id, decision, reason, user),
                messages.getMessage(EvidenceProcess.ACCEPT.equals(decision) ? "evidence.accepted"
                        : "evidence.rejected", null, locale));
    }

    @PostMapping("/evidence-requests/{id}/reuse")
    String reuse(@PathVariable UUID id, @RequestParam(required = false) UUID versionId,
                 @AuthenticationPrincipal AuthenticatedUser user, RedirectAttributes redirect, Locale locale) {
        return act(id, redirect, () -> reuse.reuse(id, versionId, user),
                messages.getMessage("evidence.reuse.done", null, locale));
    }

    /** Post-Redirect-Get: the outcome, or why it could not be done, as a flash on the request's page. */
    private static String act(UUID id, RedirectAttributes redirect, Runnable action, String done) {
        try {
            action.run();
            redirect.addFlashAttribute("flash", done);
        } catch (ConflictException | InvalidInputException e) {
            redirect.addFlashAttribute("flashError", e.getMessage());
        }
        return "redirect:/evidence-requests/" + id;
    }
}
