package org.auditmanager.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.auditmanager.AuditManagerApplication;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two application nodes with their job executors on one PostgreSQL, the way a Camunda 7 cluster runs: 200 due
 * timers are each fired exactly once across the nodes, and none is lost.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodeClusterTest {

    private static final int TIMERS = 200;

    /** Counts each firing in our own table, with the node that fired it. */
    @Configuration(proxyBeanMethods = false)
    static class Probe {
        @Bean
        ClusterTimerProbe clusterTimerProbe(JdbcClient jdbc, org.springframework.core.env.Environment environment) {
            return new ClusterTimerProbe(jdbc, environment.getProperty("node.name"));
        }
    }

    public record ClusterTimerProbe(JdbcClient jdbc, String node) {
        public void fired(DelegateExecution execution) throws InterruptedException {
            // a delegate doing some I/O: the work lasts long enough for both nodes to acquire jobs
            Thread.sleep(100);
            jdbc.sql("insert into cluster_probe (instance_id, node) values (:id, :node)")
                    .param("id", execution.getProcessInstanceId()).param("node", node).update();
        }
    }

    private EmbeddedPostgres postgres;
    private ConfigurableApplicationContext nodeA;
    private ConfigurableApplicationContext nodeB;

    private ConfigurableApplicationContext node(String name) {
        return new SpringApplicationBuilder(AuditManagerApplication.class, Probe.class).run(
                "--spring.profiles.active=prod,postgres",
                "--app.admin.password=cluster-test-secret",
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres",
                "--server.port=0",
                "--node.name=" + name,
                "--camunda.bpm.generate-unique-process-engine-name=true",
                "--camunda.bpm.job-execution.enabled=true",
                // both executors poll often, so both are awake while the 200 jobs are due
                "--camunda.bpm.job-execution.max-wait=500");
    }

    @BeforeAll
    void startTwoNodes() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        nodeA = node("A");
        nodeB = node("B");
        nodeA.getBean(JdbcClient.class)
                .sql("create table cluster_probe (instance_id varchar(64) not null, node varchar(8) not null)").update();
    }

    @AfterAll
    void stopNodes() throws Exception {
        nodeA.close();
        nodeB.close();
        postgres.close();
    }

    @Test
    void everyDueTimerFiresExactlyOnceAcrossTheNodes() throws Exception {
        ProcessEngine engine = nodeA.getBean(ProcessEngine.class);
        engine.getRepositoryService().createDeployment().addClasspathResource("bpmn/cluster-timer-probe.bpmn").deploy();
        Date alreadyDue = Date.from(Instant.now().minusSeconds(1));
        for (int i = 0; i < TIMERS; i++) {
            engine.getRuntimeService().startProcessInstanceByKey("cluster-timer-probe", Map.of("due", alreadyDue));
        }

        JdbcClient jdbc = nodeA.getBean(JdbcClient.class);
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(120));
        while (engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("cluster-timer-probe").count() > 0
                && Instant.now().isBefore(giveUp)) {
            Thread.sleep(250);
        }

        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("cluster-timer-probe")
                .count()).as("instances still waiting: lost timers").isZero();
        assertThat(engine.getManagementService().createJobQuery().withException().count()).isZero();
        assertThat(jdbc.sql("select count(*) from cluster_probe").query(Integer.class).single()).isEqualTo(TIMERS);
        assertThat(jdbc.sql("select count(distinct instance_id) from cluster_probe").query(Integer.class).single())
                .isEqualTo(TIMERS);
        List<String> nodes = jdbc.sql("select distinct node from cluster_probe order by node").query(String.class).list();
        assertThat(nodes).as("both job executors took part").containsExactly("A", "B");
    }
}
