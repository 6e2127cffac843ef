package org.auditmanager.accessreview;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Locale;
import java.util.Set;
import org.auditmanager.common.ConflictException;
import org.auditmanager.common.InvalidInputException;
import org.auditmanager.common.PageRequest;
import org.auditmanager.engagement.Engagements;
import org.auditmanager.security.AuthenticatedUser;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** External auditors for managers (role checked in SecurityConfig): list, create for an engagement, revoke. */
@Controller
class ExternalAuditorPagesController {

    private static final String PAGE = "external-auditors/list";
    private static final String BACK = "redirect:/external-auditors";

    private final ExternalAuditors externals;
    private final Engagements engagements;
    private final Validator validator;
    private final MessageSource messages;

    ExternalAuditorPagesController(ExternalAuditors externals, Engagements engagements, Validator validator,
                                   MessageSource messages) {
        this.externals = externals;
        this.engagements = engagements;
        this.validator = validator;
        this.messages = messages;
    }

    @InitBinder
    void guardFields(WebDataBinder binder) {
        binder.setDisallowedFields("id");
    }

    @GetMapping("/external-auditors")
    String list(@AuthenticationPrincipal AuthenticatedUser manager, Model model) {
        model.addAttribute("form", new ExternalAuditorForm());
        return show(manager, model);
    }

    @PostMapping("/external-auditors")
    String create(@ModelAttribute("form") ExternalAuditorForm form, BindingResult binding,
                  @AuthenticationPrincipal AuthenticatedUser manager, Model model, RedirectAttributes redirect,
                  Locale locale) {
        if (binding.hasErrors()) {
            return show(manager, model);
        }
        NewExternalAuditor request = form.toRequest();
        Set<ConstraintViolation<NewExternalAuditor>> violations = validator.validate(request);
        violations.forEach(v -> binding.rejectValue(v.getPropertyPath().toString(), "invalid", v.getMessage()));
        if (binding.hasErrors()) {
            return show(manager, model);
        }
        try {
            ExternalAuditor created = externals.create(request, manager);
            redirect.addFlashAttribute("flash", messages.getMessage("external.created",
                    new Object[] {created.displayName(), created.accessFrom(), created.accessUntil()}, locale));
            return BACK;
        } catch (InvalidInputException e) {
            e.fieldErrors().forEach((field, message) -> binding.rejectValue(field, "invalid", message));
            return show(manager, model);
        } catch (ConflictException e) {
            binding.rejectValue("username", "taken", e.getMessage());
            return show(manager, model);
        }
    }

    @PostMapping("/external-auditors/{username}/revoke")
    String revoke(@PathVariable String username, @AuthenticationPrincipal AuthenticatedUser manager,
                  RedirectAttributes redirect, Locale locale) {
        externals.revoke(username, manager);
        redirect.addFlashAttribute("flash", messages.getMessage("external.revoked", new Object[] {username}, locale));
        return BACK;
    }

    private String show(AuthenticatedUser manager, Model model) {
        model.addAttribute("externals", externals.visibleTo(manager));
        model.addAttribute("engagements", engagements.visibleTo(manager, 0, PageRequest.MAX_SIZE));
        return PAGE;
    }
}
