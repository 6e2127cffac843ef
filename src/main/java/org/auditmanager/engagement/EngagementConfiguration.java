package org.auditmanager.engagement;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(Soc2PeriodPolicy.class)
class EngagementConfiguration {
}
