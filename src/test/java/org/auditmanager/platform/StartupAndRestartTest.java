package org.auditmanager.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.auditmanager.AuditManagerApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Starting the real application as `./mvnw spring-boot:run` does: H2 file database, profiles, restart. */
class StartupAndRestartTest {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start(String profile, String... extra) {
        String[] args = new String[extra.length + 4];
        args[0] = "--spring.profiles.active=" + profile;
        args[1] = "--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("auditmanager") + ";DB_CLOSE_ON_EXIT=FALSE";
        args[2] = "--server.port=0";
        args[3] = "--camunda.bpm.generate-unique-process-engine-name=true";
        System.arraycopy(extra, 0, args, 4, extra.length);
        return new SpringApplicationBuilder(AuditManagerApplication.class).run(args);
    }

    @Test
    void dataSurvivesARestartAndDemoDataIsSeededOnlyOnce() {
        int engagementsAfterFirstStart;
        try (ConfigurableApplicationContext first = start("demo")) {
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            engagementsAfterFirstStart = jdbc.sql("select count(*) from engagement").query(Integer.class).single();
            jdbc.sql("insert into organisation (id, name, created_at) values (random_uuid(), 'Initech', current_timestamp)")
                    .update();
        }
        try (ConfigurableApplicationContext second = start("demo")) {
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select count(*) from organisation where name = 'Initech'").query(Integer.class).single())
                    .isOne();
            assertThat(jdbc.sql("select count(*) from engagement").query(Integer.class).single())
                    .isEqualTo(engagementsAfterFirstStart).isEqualTo(4);
            assertThat(jdbc.sql("select count(*) from app_user").query(Integer.class).single()).isEqualTo(7);
        }
    }

    @Test
    void prodRefusesToStartWithoutAnAdminPassword() {
        assertThatThrownBy(() -> start("prod", "--app.admin.password="))
                .hasStackTraceContaining("AUDIT_ADMIN_PASSWORD");
    }

    @Test
    void prodSeedsNothingButTheFirstAdmin() {
        try (ConfigurableApplicationContext prod = start("prod", "--app.admin.password=a-long-secret-123")) {
            JdbcClient jdbc = prod.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select username from app_user").query(String.class).list()).containsExactly("admin");
            assertThat(jdbc.sql("select count(*) from engagement").query(Integer.class).single()).isZero();
        }
    }
}
