package org.auditmanager.notify;

import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailSender;
import org.springframework.mail.SimpleMailMessage;

/** The demo profile's mail server: it writes each mail to the log instead of sending it. */
class LoggingMailSender implements MailSender {

    private static final Logger log = LoggerFactory.getLogger(LoggingMailSender.class);

    @Override
    public void send(SimpleMailMessage message) {
        log.info("Mail (demo, not sent) to {}: {}\n{}", Arrays.toString(message.getTo()), message.getSubject(),
                message.getText());
    }

    @Override
    public void send(SimpleMailMessage... messages) {
        Arrays.stream(messages).forEach(this::send);
    }
}
