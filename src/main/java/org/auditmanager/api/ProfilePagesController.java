package org.auditmanager.api;

import java.util.Locale;
import java.util.UUID;
import org.auditmanager.common.InvalidInputException;
import org.auditmanager.common.PageOf;
import org.auditmanager.common.PageRequest;
import org.auditmanager.security.ApiTokens;
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

/** The signed-in person's profile: who they are, and their personal API tokens. */
@Controller
class ProfilePagesController {

    private static final String PAGE = "profile/profile";
    private static final int PAGE_SIZE = 25;

    private final ApiTokens tokens;
    private final MessageSource messages;

    ProfilePagesController(ApiTokens tokens, MessageSource messages) {
        this.tokens = tokens;
        this.messages = messages;
    }

    @GetMapping("/profile")
    String show(@RequestParam(required = false) Integer page, @AuthenticationPrincipal AuthenticatedUser user,
                Model model) {
        PageOf<ApiTokens.ApiToken> list = tokens.of(user, PageRequest.of(page, PAGE_SIZE));
        model.addAttribute("me", user);
        model.addAttribute("tokens", list);
        model.addAttribute("pages", (list.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        return PAGE;
    }

    /** The new token travels to the next page view in the flash only, and is shown there once. */
    @PostMapping("/profile/tokens")
    String create(@RequestParam(required = false) String name, @AuthenticationPrincipal AuthenticatedUser user,
                  RedirectAttributes redirect, Locale locale) {
        try {
            ApiTokens.IssuedToken issued = tokens.issue(name, user);
            redirect.addFlashAttribute("newToken", issued.secret());
            redirect.addFlashAttribute("flash", messages.getMessage("profile.tokens.created",
                    new Object[] {issued.token().name()}, locale));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", e.getMessage());
        }
        return "redirect:/profile";
    }

    @PostMapping("/profile/tokens/{id}/revoke")
    String revoke(@PathVariable UUID id, @AuthenticationPrincipal AuthenticatedUser user, RedirectAttributes redirect,
                  Locale locale) {
        ApiTokens.ApiToken revoked = tokens.revoke(id, user);
        redirect.addFlashAttribute("flash", messages.getMessage("profile.tokens.revoked",
                new Object[] {revoked.name()}, locale));
        return "redirect:/profile";
    }
}
