package org.auditmanager.notify;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import org.auditmanager.security.AuthenticatedUser;
import org.auditmanager.timeline.CalendarFeeds;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The caller's own calendar feed and notification settings: what the profile page offers, for scripts. */
@RestController
class NotificationSettingsApiController {

    record Settings(boolean dailyDigest,
                    @Schema(description = "when the current calendar feed was issued; absent without one")
                    @Nullable Instant calendarFeedSince) {
    }

    record SettingsChange(@NotNull Boolean dailyDigest) {
    }

    record NewFeed(@Schema(description = "the feed's secret address; shown this once, only its hash is kept")
                   String url) {
    }

    private final CalendarFeeds feeds;
    private final NotificationPreferences preferences;

    NotificationSettingsApiController(CalendarFeeds feeds, NotificationPreferences preferences) {
        this.feeds = feeds;
        this.preferences = preferences;
    }

    @GetMapping("/api/me/notifications")
    Settings settings(@AuthenticationPrincipal AuthenticatedUser user) {
        return new Settings(preferences.dailyDigest(user.getUsername()), feeds.activeSince(user).orElse(null));
    }

    @PutMapping("/api/me/notifications")
    Settings change(@Validated @RequestBody SettingsChange change, @AuthenticationPrincipal AuthenticatedUser user) {
        preferences.setDailyDigest(user, change.dailyDigest());
        return settings(user);
    }

    /** A new feed address; the previous one, if any, stops answering. */
    @PostMapping("/api/me/calendar-feed")
    @ApiResponse(responseCode = "201", description = "The new feed address.")
    ResponseEntity<NewFeed> createFeed(@AuthenticationPrincipal AuthenticatedUser user) {
        String token = feeds.create(user);
        return ResponseEntity.status(HttpStatus.CREATED).body(new NewFeed(ServletUriComponentsBuilder
                .fromCurrentContextPath().path("/calendar/{token}.ics").buildAndExpand(token).toUriString()));
    }

    @DeleteMapping("/api/me/calendar-feed")
    @ApiResponse(responseCode = "204", description = "The feed is revoked; its address answers 404 from now on.")
    ResponseEntity<Void> revokeFeed(@AuthenticationPrincipal AuthenticatedUser user) {
        feeds.revoke(user);
        return ResponseEntity.noContent().build();
    }
}
