package org.auditmanager.notify;

import java.time.Clock;
import java.util.Map;
import org.auditmanager.common.AuditableChange;
import org.auditmanager.security.AuthenticatedUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each person's notification choices. With the daily digest on, reminders come once a day in one mail instead
 * of one mail each; new tasks and escalations still come at once.
 */
@Service
public class NotificationPreferences {

    private final NotificationRepository repository;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    NotificationPreferences(NotificationRepository repository, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.events = events;
        this.clock = clock;
    }

    public boolean dailyDigest(String username) {
        return repository.dailyDigest(username).orElse(false);
    }

    @Transactional
    public void setDailyDigest(AuthenticatedUser user, boolean dailyDigest) {
        boolean before = dailyDigest(user.getUsername());
        if (before == dailyDigest) {
            return;
        }
        repository.saveDailyDigest(user.getUsername(), dailyDigest, clock.instant());
        events.publishEvent(new AuditableChange(user.getUsername(), "NOTIFICATION_PREFERENCE", user.getUsername(),
                "CHANGED", null, user.organisationId(), Map.of("dailyDigest", before),
                Map.of("dailyDigest", dailyDigest)));
    }
}
