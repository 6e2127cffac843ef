package org.auditmanager.catalog;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The catalogue on its own: Flyway, JDBC and the loader, without the process engine or the web layer. Each
 * test runs in a transaction that is rolled back, so versions a test loads do not reach the next one.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@JdbcTest
@Import({CatalogConfiguration.class, CatalogRepository.class, CatalogLoader.class, Catalog.class,
        CatalogSliceTest.FixedClock.class})
@interface CatalogSliceTest {

    @TestConfiguration(proxyBeanMethods = false)
    class FixedClock {

        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
        }
    }
}
