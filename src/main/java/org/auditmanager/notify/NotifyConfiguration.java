package org.auditmanager.notify;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.mail.MailSender;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotifyProperties.class)
class NotifyConfiguration {

    /** Demo without an SMTP server: mails go to the log. With {@code spring.mail.host} set, Spring's sender is used. */
    @Bean
    @Profile("demo")
    @ConditionalOnExpression("'${spring.mail.host:}'.isEmpty()")
    MailSender loggingMailSender() {
        return new LoggingMailSender();
    }

    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    @ConditionalOnProperty(name = "app.notify.scan-enabled", havingValue = "true", matchIfMissing = true)
    static class Scheduling {
    }
}
