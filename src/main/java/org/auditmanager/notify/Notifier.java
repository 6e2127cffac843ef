package org.auditmanager.notify;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.auditmanager.notify.Recipients.Recipient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSender;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends one notice at most once. In its own transaction it checks the record, writes it, sends the mail and
 * commits: a failed send rolls the record back so a later scan tries again, and a second sender (another node,
 * the scan racing the after-commit listener) hits the unique key and sends nothing.
 */
@Component
class Notifier {

    private static final Logger log = LoggerFactory.getLogger(Notifier.class);

    /** One mail to one person about one occasion (kind, subject, due date). */
    record Notice(Recipient to, String kind, String subjectId, LocalDate dueDate, UUID engagementId, String subject,
                  String body) {
    }

    private final MailSender mailSender;
    private final NotificationRepository repository;
    private final NotifyProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Notifier(ObjectProvider<MailSender> mailSender, NotificationRepository repository, NotifyProperties properties,
             PlatformTransactionManager transactionManager, Clock clock) {
        this.mailSender = mailSender.getIfAvailable();
        this.repository = repository;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactionManager);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        if (this.mailSender == null) {
            log.info("No mail server configured (spring.mail.host): notifications are off");
        }
    }

    /** Without a mail server (and outside the demo profile) nothing is sent or recorded. */
    boolean enabled() {
        return mailSender != null;
    }

    boolean alreadySent(String recipient, String kind, String subjectId, LocalDate dueDate) {
        return repository.wasSent(recipient, kind, subjectId, dueDate);
    }

    /** True when this call sent the mail; false when it had been sent before or could not be sent now. */
    boolean send(Notice notice) {
        if (!enabled()) {
            return false;
        }
        try {
            return Boolean.TRUE.equals(transaction.execute(status -> {
                if (repository.wasSent(notice.to().username(), notice.kind(), notice.subjectId(), notice.dueDate())) {
                    return false;
                }
                repository.recordSent(notice.to().username(), notice.kind(), notice.subjectId(), notice.dueDate(),
                        notice.engagementId(), clock.instant());
                SimpleMailMessage mail = new SimpleMailMessage();
                mail.setFrom(properties.from());
                mail.setTo(notice.to().email());
                mail.setSubject(notice.subject());
                mail.setText(notice.body());
                mailSender.send(mail);
                return true;
            }));
        } catch (DuplicateKeyException sentByAnother) {
            return false;
        } catch (MailException failed) {
            log.warn("Could not send {} about {} to {}; the next scan tries again: {}", notice.kind(),
                    notice.subjectId(), notice.to().username(), failed.getMessage());
            return false;
        }
    }
}
