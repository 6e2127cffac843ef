package org.auditmanager.benchmark;

import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts the statement counter between the application (our repositories and the engine) and the pool. */
@Configuration(proxyBeanMethods = false)
class BenchmarkConfiguration {

    @Bean
    static BeanPostProcessor countingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof DataSource dataSource && "dataSource".equals(beanName)
                        ? StatementCounter.wrap(dataSource) : bean;
            }
        };
    }
}
