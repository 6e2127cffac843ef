package org.auditmanager.soc2;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(Soc2Properties.class)
class Soc2Configuration {

    @Bean
    SampleSelector sampleSelector(Soc2Properties properties) {
        return new SampleSelector(properties.sampling().spread());
    }
}
