package org.auditmanager.accessreview;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.auditmanager.security.AuthenticatedUser;
import org.auditmanager.security.UserAccounts;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The access review for admins (role checked in SecurityConfig): the page, its CSV, and switching accounts off. */
@Controller
class AccessReviewController {

    private static final String PAGE = "admin/access-review";
    private static final String BACK = "redirect:/admin/access-review";
    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final AccessReview review;
    private final UserAccounts users;
    private final MessageSource messages;
    private final Clock clock;

    AccessReviewController(AccessReview review, UserAccounts users, MessageSource messages, Clock clock) {
        this.review = review;
        this.users = users;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/admin/access-review")
    String page(Model model) {
        model.addAttribute("entries", review.entries());
        return PAGE;
    }

    @GetMapping("/admin/access-review.csv")
    ResponseEntity<byte[]> csv() {
        List<AccessReviewEntry> entries = review.entries();
        StringWriter csv = new StringWriter();
        AccessReviewCsv.write(entries, csv);
        return ResponseEntity.ok()
                .contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("access-review-" + LocalDate.now(clock) + ".csv").build().toString())
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping("/admin/users/{username}/disable")
    String disable(@PathVariable String username, @AuthenticationPrincipal AuthenticatedUser admin,
                   RedirectAttributes redirect, Locale locale) {
        if (username.equals(admin.getUsername())) {
            redirect.addFlashAttribute("flashError", messages.getMessage("accessReview.notYourself", null, locale));
            return BACK;
        }
        users.setEnabled(username, false);
        redirect.addFlashAttribute("flash", messages.getMessage("accessReview.disabled", new Object[] {username}, locale));
        return BACK;
    }

    @PostMapping("/admin/users/{username}/enable")
    String enable(@PathVariable String username, RedirectAttributes redirect, Locale locale) {
        users.setEnabled(username, true);
        redirect.addFlashAttribute("flash", messages.getMessage("accessReview.enabled", new Object[] {username}, locale));
        return BACK;
    }
}
