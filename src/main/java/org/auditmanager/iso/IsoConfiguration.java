package org.auditmanager.iso;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IsoCycleProperties.class)
class IsoConfiguration {
}
