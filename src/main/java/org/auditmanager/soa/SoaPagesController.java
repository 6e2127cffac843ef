package org.auditmanager.soa;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.auditmanager.catalog.Catalog;
import org.auditmanager.common.ConflictException;
import org.auditmanager.common.InvalidInputException;
import org.auditmanager.engagement.Engagements;
import org.auditmanager.security.AuthenticatedUser;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class SoaPagesController {

    private static final String PAGE = "soa/statement";

    private final StatementsOfApplicability statements;
    private final Engagements engagements;
    private final Catalog catalog;
    private final MessageSource messages;

    SoaPagesController(StatementsOfApplicability statements, Engagements engagements, Catalog catalog,
                       MessageSource messages) {
        this.statements = statements;
        this.engagements = engagements;
        this.catalog = catalog;
        this.messages = messages;
    }

    @GetMapping("/engagements/{id}/soa")
    String show(@PathVariable UUID id, @AuthenticationPrincipal AuthenticatedUser user, Model model) {
        StatementOfApplicability soa = statements.view(id, user);
        return show(soa, SoaForm.of(catalog.isoControlsOf(soa.catalogVersion()), soa.entries()), user, model);
    }

    @PostMapping("/engagements/{id}/soa")
    String save(@PathVariable UUID id, @ModelAttribute("soaForm") SoaForm form, BindingResult binding,
                @AuthenticationPrincipal AuthenticatedUser user, Model model, RedirectAttributes redirect, Locale locale) {
        if (binding.hasErrors()) {
            return showErrors(id, form, user, model, locale);
        }
        // the service numbers its errors by entry; undecided rows are no entry, so remember each entry's row
        List<SoaEntry> entries = new ArrayList<>();
        List<Integer> rowOfEntry = new ArrayList<>();
        for (int row = 0; row < form.getRows().size(); row++) {
            if (!SoaForm.isUndecided(form.getRows().get(row))) {
                entries.add(form.getRows().get(row).toEntry());
                rowOfEntry.add(row);
            }
        }
        StatementOfApplicability saved;
        try {
            saved = statements.saveDraft(id, entries, user);
        } catch (InvalidInputException e) {
            e.fieldErrors().forEach((key, message) -> SoaEntries.parse(key)
                    .filter(error -> error.getKey() < rowOfEntry.size())
                    .ifPresentOrElse(error -> binding.rejectValue(
                                    "rows[" + rowOfEntry.get(error.getKey()) + "]." + error.getValue(), "invalid", message),
                            () -> binding.reject("invalid", message)));
            return showErrors(id, form, user, model, locale);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", e.getMessage());
            return redirectTo(id);
        }
        redirect.addFlashAttribute("flash", messages.getMessage("soa.saved",
                new Object[] {saved.current().version(), saved.current().decided(), saved.controlCount()}, locale));
        return redirectTo(id);
    }

    @PostMapping("/engagements/{id}/soa/submit")
    String submit(@PathVariable UUID id, @AuthenticationPrincipal AuthenticatedUser user, RedirectAttributes redirect,
                  Locale locale) {
        return act(id, redirect, locale, "soa.submitted", () -> statements.submit(id, user));
    }

    @PostMapping("/engagements/{id}/soa/approve")
    String approve(@PathVariable UUID id, @AuthenticationPrincipal AuthenticatedUser user, RedirectAttributes redirect,
                   Locale locale) {
        return act(id, redirect, locale, "soa.approved", () -> statements.approve(id, user));
    }

    @PostMapping("/engagements/{id}/soa/send-back")
    String sendBack(@PathVariable UUID id, @AuthenticationPrincipal AuthenticatedUser user, RedirectAttributes redirect,
                    Locale locale) {
        return act(id, redirect, locale, "soa.sentBack", () -> statements.sendBack(id, user));
    }

    @PostMapping("/engagements/{id}/soa/revisions")
    String startRevision(@PathVariable UUID id, @AuthenticationPrincipal AuthenticatedUser user,
                         RedirectAttributes redirect, Locale locale) {
        return act(id, redirect, locale, "soa.revisionStarted", () -> statements.startRevision(id, user));
    }

    /** A state that does not allow the step comes back as a message on the page; a role that does not, as 403. */
    private String act(UUID id, RedirectAttributes redirect, Locale locale, String doneKey,
                       Supplier<StatementOfApplicability> step) {
        try {
            StatementOfApplicability soa = step.get();
            redirect.addFlashAttribute("flash", messages.getMessage(doneKey, new Object[] {soa.current().version()}, locale));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", e.getMessage());
        }
        return redirectTo(id);
    }

    private String showErrors(UUID id, SoaForm form, AuthenticatedUser user, Model model, Locale locale) {
        model.addAttribute("flashError", messages.getMessage("soa.formErrors", null, locale));
        return show(statements.view(id, user), form, user, model);
    }

    private String show(StatementOfApplicability soa, SoaForm form, AuthenticatedUser user, Model model) {
        model.addAttribute("engagement", engagements.get(soa.engagementId(), user));
        model.addAttribute("soa", soa);
        model.addAttribute("actions", soa.allowedActions().stream().map(Enum::name).collect(Collectors.toSet()));
        model.addAttribute("controls", catalog.isoControlsOf(soa.catalogVersion()));
        model.addAttribute("entries", soa.entries().stream()
                .collect(Collectors.toMap(SoaEntry::controlId, Function.identity())));
        model.addAttribute("statuses", ImplementationStatus.values());
        model.addAttribute("soaForm", form);
        return PAGE;
    }

    private static String redirectTo(UUID id) {
        return "redirect:/engagements/" + id + "/soa";
    }
}
