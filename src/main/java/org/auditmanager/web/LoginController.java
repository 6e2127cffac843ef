package org.auditmanager.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.auditmanager.security.SignInProblem;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

    private final MessageSource messages;

    LoginController(MessageSource messages) {
        this.messages = messages;
    }

    /** Shows why the last sign-in was refused, when that reveals nothing to a stranger. */
    @GetMapping("/login")
    String login(HttpServletRequest request, Model model, Locale locale) {
        SignInProblem.takeFrom(request)
                .ifPresent(problem -> model.addAttribute("signInProblem", messages.getMessage(problem, locale)));
        return "login";
    }
}
