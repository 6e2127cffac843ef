package org.auditmanager.soa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.auditmanager.catalog.EmbeddedPostgresDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The SoA's SQL on PostgreSQL: versions, decisions in Annex A order, and the status changes. */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({EmbeddedPostgresDatabase.class, SoaRepository.class, SoaRepositoryOnPostgresTest.Catalogue.class})
class SoaRepositoryOnPostgresTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    /** The catalogue loader fills the rows the decisions point to. */
    @TestConfiguration(proxyBeanMethods = false)
    @ComponentScan(basePackages = "org.auditmanager.catalog", useDefaultFilters = false, includeFilters =
            @ComponentScan.Filter(type = FilterType.REGEX, pattern = "org\\.auditmanager\\.catalog\\.Catalog(Configuration|Repository|Loader)"))
    static class Catalogue {

        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @Autowired
    SoaRepository repository;
    @Autowired
    JdbcClient jdbc;

    @Test
    void keepsVersionsDecisionsAndStatus() {
        UUID engagement = engagement();
        UUID first = UUID.randomUUID();
        repository.insertVersion(first, engagement, 1, "ISO27001:2022", null, "acme", NOW);
        repository.replaceEntries(first, "ISO27001:2022", List.of(
                new SoaEntry("A.8.1", true, null, ImplementationStatus.PARTIAL),
                new SoaEntry("A.5.1", true, "Policy set", ImplementationStatus.IMPLEMENTED),
                new SoaEntry("A.7.4", false, "No premises", null)));

        assertThat(repository.touchDraft(first, "lead", NOW)).isEqualTo(1);
        assertThat(repository.submit(first, "acme", NOW)).isEqualTo(1);
        assertThat(repository.touchDraft(first, "acme", NOW)).isZero();
        assertThat(repository.approve(first, "lead", NOW)).isEqualTo(1);
        UUID second = UUID.randomUUID();
        repository.insertVersion(second, engagement, 2, "ISO27001:2022", first, "acme", NOW);

        assertThat(repository.entries(first)).extracting(SoaEntry::controlId).containsExactly("A.5.1", "A.7.4", "A.8.1");
        assertThat(repository.latestApproved(engagement)).get()
                .extracting(SoaVersion::version, SoaVersion::approvedBy, SoaVersion::applicable, SoaVersion::excluded)
                .containsExactly(1, "lead", 2, 1);
        assertThat(repository.latest(engagement)).get().extracting(SoaVersion::version, SoaVersion::status,
                SoaVersion::basedOn).containsExactly(2, SoaStatus.DRAFT, 1);
        assertThat(repository.versions(engagement)).hasSize(2);
    }

    private UUID engagement() {
        UUID organisation = UUID.randomUUID();
        UUID engagement = UUID.randomUUID();
        jdbc.sql("insert into organisation (id, name, created_at) values (:id, 'Acme', :now)")
                .param("id", organisation).param("now", java.sql.Timestamp.from(NOW)).update();
        jdbc.sql("""
                        insert into engagement (id, reference, organisation_id, framework, kind, title, scope, status,
                            created_by, created_at, updated_at)
                        values (:id, 'ENG-2026-0001', :organisation, 'ISO27001', 'CERTIFICATION_CYCLE', 'ISO', 'All',
                            'CREATED', 'manager', :now, :now)""")
                .param("id", engagement).param("organisation", organisation).param("now", java.sql.Timestamp.from(NOW))
                .update();
        return engagement;
    }
}
