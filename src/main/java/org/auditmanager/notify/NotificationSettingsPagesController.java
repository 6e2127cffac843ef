package org.auditmanager.notify;

import java.util.Locale;
import org.auditmanager.security.AuthenticatedUser;
import org.auditmanager.security.UserAccounts;
import org.auditmanager.timeline.CalendarFeeds;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The signed-in person's calendar feed and notification settings, a part of their profile. */
@Controller
class NotificationSettingsPagesController {

    private static final String PROFILE = "notify/profile";
    private static final String BACK = "redirect:/profile/calendar";

    private final UserAccounts users;
    private final CalendarFeeds feeds;
    private final NotificationPreferences preferences;
    private final MessageSource messages;

    NotificationSettingsPagesController(UserAccounts users, CalendarFeeds feeds, NotificationPreferences preferences,
                           MessageSource messages) {
        this.users = users;
        this.feeds = feeds;
        this.preferences = preferences;
        this.messages = messages;
    }

    @GetMapping("/profile/calendar")
    String profile(@AuthenticationPrincipal AuthenticatedUser user, Model model) {
        model.addAttribute("account", users.find(user.getUsername()).orElseThrow());
        model.addAttribute("feedSince", feeds.activeSince(user).orElse(null));
        model.addAttribute("dailyDigest", preferences.dailyDigest(user.getUsername()));
        return PROFILE;
    }

    /** The new URL is shown once, on the page this redirects to; only its hash is kept. */
    @PostMapping("/profile/calendar")
    String createFeed(@AuthenticationPrincipal AuthenticatedUser user, RedirectAttributes redirect, Locale locale) {
        String token = feeds.create(user);
        redirect.addFlashAttribute("feedUrl", ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/calendar/{token}.ics").buildAndExpand(token).toUriString());
        redirect.addFlashAttribute("flash", messages.getMessage("profile.feed.created", null, locale));
        return BACK;
    }

    @PostMapping("/profile/calendar/revoke")
    String revokeFeed(@AuthenticationPrincipal AuthenticatedUser user, RedirectAttributes redirect, Locale locale) {
        feeds.revoke(user);
        redirect.addFlashAttribute("flash", messages.getMessage("profile.feed.revoked", null, locale));
        return BACK;
    }

    @PostMapping("/profile/notifications")
    String saveNotifications(@RequestParam(defaultValue = "false") boolean dailyDigest,
                             @AuthenticationPrincipal AuthenticatedUser user, RedirectAttributes redirect,
                             Locale locale) {
        preferences.setDailyDigest(user, dailyDigest);
        redirect.addFlashAttribute("flash", messages.getMessage("profile.notifications.saved", null, locale));
        return BACK;
    }
}
