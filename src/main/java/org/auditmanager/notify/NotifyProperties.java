package org.auditmanager.notify;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Notification settings ({@code app.notify.*}); the SMTP server is Spring's own {@code spring.mail.*}. How far
 * ahead reminders go is a deadline rule and lives with the others: {@code app.iso.cycle.reminders-before-due}.
 *
 * @param from          sender address of every mail
 * @param baseUrl       the application's address as recipients reach it, for the links in mails
 * @param scanEnabled   run the reminder scan on a schedule (tests switch it off and call it themselves)
 * @param scanInterval  pause between two scans (ISO-8601, e.g. {@code PT5M}); reminders go out within this
 *                      time of the day they are due
 * @param digestHour    local hour from which the daily digest of the day goes out
 */
@ConfigurationProperties("app.notify")
public record NotifyProperties(
        @DefaultValue("audit-manager@localhost") String from,
        @DefaultValue("http://localhost:8080") String baseUrl,
        @DefaultValue("true") boolean scanEnabled,
        @DefaultValue("PT5M") Duration scanInterval,
        @DefaultValue("7") int digestHour) {

    public NotifyProperties {
        if (digestHour < 0 || digestHour > 23) {
            throw new IllegalArgumentException("app.notify.digest-hour is an hour of the day, 0 to 23");
        }
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }
}
