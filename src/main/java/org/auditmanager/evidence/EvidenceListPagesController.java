package org.auditmanager.evidence;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.auditmanager.common.ConflictException;
import org.auditmanager.common.InvalidInputException;
import org.auditmanager.common.PageOf;
import org.auditmanager.common.PageRequest;
import org.auditmanager.engagement.Engagements;
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

/** An engagement's PBC list, with the bulk actions of the audit team: share drafts, accept submitted evidence. */
@Controller
class EvidenceListPagesController {

    private static final String LIST = "evidence/list";
    private static final int PAGE_SIZE = 50;

    private final EvidenceRequests requests;
    private final EvidenceBulkActions bulk;
    private final EvidenceRequestGenerator generator;
    private final Engagements engagements;
    private final MessageSource messages;
    private final Clock clock;

    EvidenceListPagesController(EvidenceRequests requests, EvidenceBulkActions bulk,
                                EvidenceRequestGenerator generator, Engagements engagements, MessageSource messages,
                                Clock clock) {
        this.requests = requests;
        this.bulk = bulk;
        this.generator = generator;
        this.engagements = engagements;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/engagements/{id}/requests")
    String list(@PathVariable UUID id, @RequestParam(required = false) Integer page,
                @AuthenticationPrincipal AuthenticatedUser user, Model model) {
        PageOf<EvidenceRequest> found = requests.list(id, user, PageRequest.of(page, PAGE_SIZE));
        model.addAttribute("engagement", engagements.get(id, user));
        model.addAttribute("requests", found);
        model.addAttribute("pages", (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        model.addAttribute("mayManage", requests.mayManageRequestsOf(id, user));
        model.addAttribute("today", LocalDate.now(clock));
        return LIST;
    }

    @PostMapping("/engagements/{id}/requests/share")
    String share(@PathVariable UUID id, @RequestParam(name = "ids", required = false) List<UUID> ids,
                 @AuthenticationPrincipal AuthenticatedUser user, RedirectAttributes redirect, Locale locale) {
        try {
            int shared = requests.share(id, ids == null ? List.of() : ids, user).size();
            redirect.addFlashAttribute("flash", messages.getMessage("evidence.shared", new Object[] {shared}, locale));
        } catch (ConflictException | InvalidInputException e) {
            redirect.addFlashAttribute("flashError", e.getMessage());
        }
        return "redirect:/engagements/" + id + "/requests";
    }

    @PostMapping("/engagements/{id}/requests/generate")
    String generate(@PathVariable UUID id, @AuthenticationPrincipal AuthenticatedUser user,
                    RedirectAttributes redirect, Locale locale) {
        try {
            int added = generator.generate(id, user);
            redirect.addFlashAttribute("flash", messages.getMessage("evidence.generated", new Object[] {added}, locale));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", e.getMessage());
        }
        return "redirect:/engagements/" + id + "/requests";
    }

    @PostMapping("/engagements/{id}/requests/accept")
    String accept(@PathVariable UUID id, @RequestParam(name = "ids", required = false) List<UUID> ids,
                  @RequestParam(required = false) String reason, @AuthenticationPrincipal AuthenticatedUser user,
                  RedirectAttributes redirect, Locale locale) {
        try {
            EvidenceBulkActions.Outcome outcome = bulk.accept(id, ids == null ? List.of() : ids, reason, user);
            redirect.addFlashAttribute("flash", messages.getMessage("evidence.bulkAccepted",
                    new Object[] {outcome.requestsCompleted()}, locale));
            if (!outcome.failures().isEmpty()) {
                redirect.addFlashAttribute("flashError", String.join(" · ", outcome.failures()));
            }
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", e.getMessage());
        }
        return "redirect:/engagements/" + id + "/requests";
    }
}
