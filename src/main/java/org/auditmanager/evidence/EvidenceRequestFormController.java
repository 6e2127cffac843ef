package org.auditmanager.evidence;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.auditmanager.common.ConflictException;
import org.auditmanager.common.ForbiddenException;
import org.auditmanager.common.InvalidInputException;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.engagement.Engagements;
import org.auditmanager.security.AuthenticatedUser;
import org.auditmanager.security.Role;
import org.auditmanager.security.UserAccounts;
import org.springframework.beans.BeanWrapperImpl;
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

/** Drafting and editing a request. */
@Controller
class EvidenceRequestFormController {

    private static final String FORM = "evidence/form";

    private final EvidenceRequests requests;
    private final Engagements engagements;
    private final UserAccounts users;
    private final Validator validator;
    private final Clock clock;

    EvidenceRequestFormController(EvidenceRequests requests, Engagements engagements, UserAccounts users,
                                  Validator validator, Clock clock) {
        this.requests = requests;
        this.engagements = engagements;
        this.users = users;
        this.validator = validator;
        this.clock = clock;
    }

    @InitBinder
    void guardFields(WebDataBinder binder) {
        binder.setDisallowedFields("id");
    }

    @GetMapping("/engagements/{id}/requests/new")
    String newForm(@PathVariable UUID id, @AuthenticationPrincipal AuthenticatedUser user, Model model) {
        Engagement engagement = engagements.get(id, user);
        requireManage(id, user);
        model.addAttribute("form", EvidenceRequestForm.forEngagement(engagement, LocalDate.now(clock)));
        return showForm(engagement, null, model);
    }

    @PostMapping("/engagements/{id}/requests")
    String create(@PathVariable UUID id, @ModelAttribute("form") EvidenceRequestForm form, BindingResult binding,
                  @AuthenticationPrincipal AuthenticatedUser user, Model model, RedirectAttributes redirect) {
        Engagement engagement = engagements.get(id, user);
        NewEvidenceRequest request = validated(form, binding);
        if (!binding.hasErrors()) {
            try {
                EvidenceRequest created = requests.create(id, request, user);
                redirect.addFlashAttribute("flash", created.reference() + " · " + created.title());
                return "redirect:/evidence-requests/" + created.id();
            } catch (InvalidInputException | ConflictException e) {
                reject(binding, e);
            }
        }
        return showForm(engagement, null, model);
    }

    @GetMapping("/evidence-requests/{id}/edit")
    String editForm(@PathVariable UUID id, @AuthenticationPrincipal AuthenticatedUser user, Model model) {
        EvidenceRequest request = requests.get(id, user);
        requireManage(request.engagementId(), user);
        model.addAttribute("form", EvidenceRequestForm.of(request));
        return showForm(engagements.get(request.engagementId(), user), request, model);
    }

    @PostMapping("/evidence-requests/{id}")
    String update(@PathVariable UUID id, @ModelAttribute("form") EvidenceRequestForm form, BindingResult binding,
                  @AuthenticationPrincipal AuthenticatedUser user, Model model, RedirectAttributes redirect) {
        EvidenceRequest existing = requests.get(id, user);
        NewEvidenceRequest request = validated(form, binding);
        if (!binding.hasErrors()) {
            try {
                EvidenceRequest updated = requests.update(id, request, user);
                redirect.addFlashAttribute("flash", updated.reference() + " · " + updated.title());
                return "redirect:/evidence-requests/" + id;
            } catch (InvalidInputException | ConflictException e) {
                reject(binding, e);
            }
        }
        return showForm(engagements.get(existing.engagementId(), user), existing, model);
    }

    private void requireManage(UUID engagementId, AuthenticatedUser user) {
        if (!requests.mayManageRequestsOf(engagementId, user)) {
            throw new ForbiddenException(
                    "Only the engagement's auditors and the engagement managers can draft evidence requests.");
        }
    }

    private NewEvidenceRequest validated(EvidenceRequestForm form, BindingResult binding) {
        NewEvidenceRequest request = form.toRequest();
        for (ConstraintViolation<NewEvidenceRequest> violation : validator.validate(request)) {
            rejectField(binding, violation.getPropertyPath().toString().replaceAll("\\[.*", ""),
                    violation.getMessage());
        }
        return request;
    }

    private static void reject(BindingResult binding, RuntimeException e) {
        if (e instanceof InvalidInputException invalid && !invalid.fieldErrors().isEmpty()) {
            invalid.fieldErrors().forEach((field, message) -> rejectField(binding, field, message));
        } else {
            binding.reject("invalid", e.getMessage());
        }
    }

    private static void rejectField(BindingResult binding, String field, String message) {
        if (new BeanWrapperImpl(binding.getTarget()).isReadableProperty(field)) {
            binding.rejectValue(field, "invalid", message);
        } else {
            binding.reject("invalid", message);
        }
    }

    private String showForm(Engagement engagement, EvidenceRequest existing, Model model) {
        model.addAttribute("engagement", engagement);
        model.addAttribute("existing", existing);
        model.addAttribute("owners", users.findAll().stream()
                .filter(account -> account.enabled() && account.roles().contains(Role.CLIENT)
                        && engagement.organisationId().equals(account.organisationId()))
                .toList());
        return FORM;
    }
}
