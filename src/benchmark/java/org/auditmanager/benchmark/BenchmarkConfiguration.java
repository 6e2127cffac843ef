package org.auditmanager.benchmark;

import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;

/**
 * Puts the statement counter between the application (our repositories and the engine) and the pool. Registered
 * by name as a source of the benchmark's application, and deliberately not a {@code @Configuration}: its class
 * may stay in {@code target/test-classes} after a benchmark run, where the test suite's component scan must not
 * find it.
 */
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
