package org.auditmanager.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.List;
import javax.sql.DataSource;
import org.auditmanager.DemoUsers;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.engagement.EngagementKind;
import org.auditmanager.engagement.Engagements;
import org.auditmanager.engagement.Framework;
import org.auditmanager.engagement.NewEngagement;
import org.auditmanager.organisation.Organisations;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** The engine and our Flyway schema on a real PostgreSQL (binaries from Maven Central), with the demo data. */
@SpringBootTest
@ActiveProfiles({"demo", "postgres"})
class PostgresProfileTest {

    @TestConfiguration
    static class RealPostgres {

        /** A bean so that it stops after the connection pool, not before (see shared stack notes). */
        @Bean(destroyMethod = "close")
        EmbeddedPostgres embeddedPostgres() throws IOException {
            return EmbeddedPostgres.builder().start();
        }

        @Bean
        @Primary
        DataSource dataSource(EmbeddedPostgres postgres) {
            return postgres.getPostgresDatabase();
        }
    }

    @Autowired JdbcClient jdbc;
    @Autowired ProcessEngine processEngine;
    @Autowired Engagements engagements;
    @Autowired Organisations organisations;
    @Autowired DemoUsers users;

    @Test
    void runsOnPostgresqlWithOurSchemaAndTheEnginesTables() {
        assertThat(jdbc.sql("select version()").query(String.class).single()).startsWith("PostgreSQL");
        assertThat(jdbc.sql("select count(*) from app_schema_history where success").query(Integer.class).single())
                .isPositive();
        assertThat(processEngine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey("engagement-kickoff").count()).isOne();
        assertThat(jdbc.sql("select count(*) from engagement where created_by = 'manager' and title like 'SOC 2 Type I%'")
                .query(Integer.class).single()).as("the demo's two SOC 2 engagements").isEqualTo(2);
    }

    @Test
    void createsAnEngagementWithItsProcessInOneTransaction() {
        Engagement created = engagements.create(new NewEngagement(
                organisations.findByName("Globex Corp").orElseThrow().id(), Framework.SOC2, EngagementKind.TYPE_II,
                "Postgres Type II", "Payroll", "auditor", List.of(), null, "reviewer", null,
                java.time.LocalDate.of(2026, 1, 1), java.time.LocalDate.of(2026, 6, 30), java.util.Set.of("Security")),
                users.get("manager"));
        assertThat(created.status()).isEqualTo("PLANNING");
        assertThat(processEngine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(created.reference()).processDefinitionKey("soc2-examination").count()).isOne();
    }
}
