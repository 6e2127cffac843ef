package org.auditmanager.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.auditmanager.common.InvalidInputException;
import org.auditmanager.common.PageRequest;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.engagement.EngagementHistory;
import org.auditmanager.engagement.Engagements;
import org.auditmanager.engagement.Framework;
import org.auditmanager.engagement.NewEngagement;
import org.auditmanager.iso.Certifications;
import org.auditmanager.organisation.Organisations;
import org.auditmanager.security.AuthenticatedUser;
import org.auditmanager.security.Role;
import org.auditmanager.security.UserAccount;
import org.auditmanager.security.UserAccounts;
import org.auditmanager.signoff.SignOffs;
import org.auditmanager.tasks.TaskLists;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class EngagementPagesController {

    private static final String LIST = "engagements/list";
    private static final String NEW = "engagements/new";
    private static final String DETAIL = "engagements/detail";
    /** the latest sign-offs on the page; the API pages through all of them */
    private static final int SIGNOFFS_SHOWN = 20;

    private final Engagements engagements;
    private final EngagementHistory history;
    private final Organisations organisations;
    private final UserAccounts users;
    private final TaskLists tasks;
    private final Certifications certifications;
    private final SignOffs signOffs;
    private final Validator validator;
    private final Clock clock;

    EngagementPagesController(Engagements engagements, EngagementHistory history, Organisations organisations,
                              UserAccounts users, TaskLists tasks, Certifications certifications, SignOffs signOffs,
                              Validator validator, Clock clock) {
        this.engagements = engagements;
        this.history = history;
        this.organisations = organisations;
        this.users = users;
        this.tasks = tasks;
        this.certifications = certifications;
        this.signOffs = signOffs;
        this.validator = validator;
        this.clock = clock;
    }

    @InitBinder
    void guardFields(WebDataBinder binder) {
        binder.setDisallowedFields("id");
    }

    @GetMapping("/engagements")
    String list(@RequestParam(required = false) Integer page, @AuthenticationPrincipal AuthenticatedUser user,
                Model model) {
        PageRequest request = PageRequest.of(page, 25);
        model.addAttribute("engagements", engagements.visibleTo(user, request.page(), request.size()));
        int total = engagements.countVisibleTo(user);
        model.addAttribute("total", total);
        model.addAttribute("page", request.page());
        model.addAttribute("pages", (total + request.size() - 1) / request.size());
        return LIST;
    }

    @GetMapping("/engagements/new")
    String newForm(@AuthenticationPrincipal AuthenticatedUser user, Model model) {
        model.addAttribute("form", new EngagementForm());
        return showForm(user, model);
    }

    @PostMapping("/engagements")
    String create(@ModelAttribute("form") EngagementForm form, BindingResult binding,
                  @AuthenticationPrincipal AuthenticatedUser user, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        // a form sent back with errors answers 400, so scripts and tests see the refusal too
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        if (binding.hasErrors()) {
            return showForm(user, model);
        }
        NewEngagement request = form.toRequest();
        Set<ConstraintViolation<NewEngagement>> violations = validator.validate(request);
        violations.forEach(v -> reject(binding, v.getPropertyPath().toString().replaceAll("\\[.*", ""),
                v.getMessage()));
        if (binding.hasErrors()) {
            return showForm(user, model);
        }
        try {
            Engagement created = engagements.create(request, user);
            redirect.addFlashAttribute("flash", created.reference() + " · " + created.title());
            return "redirect:/engagements/" + created.id();
        } catch (InvalidInputException e) {
            e.fieldErrors().forEach((field, message) -> reject(binding, field, message));
            if (e.fieldErrors().isEmpty()) {
                binding.reject("invalid", e.getMessage());
            }
            return showForm(user, model);
        }
    }

    @GetMapping("/engagements/{id}")
    String detail(@PathVariable UUID id, @AuthenticationPrincipal AuthenticatedUser user, Model model) {
        Engagement engagement = engagements.get(id, user);
        model.addAttribute("engagement", engagement);
        model.addAttribute("tasks", tasks.openTasksOf(engagement, user));
        model.addAttribute("history", history.of(engagement.id()));
        if (engagement.framework() == Framework.ISO27001) {
            model.addAttribute("certification", certifications.statusOf(engagement));
        }
        model.addAttribute("signoffs", signOffs.of(engagement.id(), user, new PageRequest(0, SIGNOFFS_SHOWN)));
        model.addAttribute("now", clock.instant());
        return DETAIL;
    }

    /** At the field when the page has it (the framework follows from the kind), else at the top of the form. */
    private static void reject(BindingResult binding, String field, String message) {
        String pageField = "framework".equals(field) ? "kind" : field;
        if (new BeanWrapperImpl(binding.getTarget()).isReadableProperty(pageField)) {
            binding.rejectValue(pageField, "invalid", message);
        } else {
            binding.reject("invalid", message);
        }
    }

    private String showForm(AuthenticatedUser user, Model model) {
        model.addAttribute("organisations", organisations.visibleTo(user));
        List<UserAccount> accounts = users.findAll();
        model.addAttribute("auditors", accounts.stream()
                .filter(account -> account.enabled() && account.roles().contains(Role.AUDITOR)).toList());
        model.addAttribute("reviewers", accounts.stream()
                .filter(account -> account.enabled() && account.roles().contains(Role.REVIEWER)).toList());
        return NEW;
    }
}
