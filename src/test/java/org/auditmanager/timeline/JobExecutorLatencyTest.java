package org.auditmanager.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.test.context.ActiveProfiles;

/**
 * The job executor as application.yml tunes it (every other test switches it off): an idle executor looks for
 * due jobs at least every 5 seconds, so a due timer fires within seconds instead of after Camunda's default
 * back-off of up to 60 seconds. Deadlines modelled as BPMN timers depend on it. Takes about 25 s of waiting,
 * little CPU.
 */
@SpringBootTest(properties = {"camunda.bpm.job-execution.enabled=true", "app.demo.seed-engagements=false"})
@ActiveProfiles("demo")
class JobExecutorLatencyTest {

    /**
     * Longer than the window in which the engine wakes the executor for a new timer itself (wait-time-in-millis,
     * 5 s by default): only the executor's own polling finds this one.
     */
    private static final Duration TIMER = Duration.ofSeconds(8);
    /** the 5 s acquisition interval and two seconds for the rest (job thread, transaction, slow CI machine) */
    private static final Duration AT_MOST_LATE = Duration.ofSeconds(7);

    @Autowired JobExecutor jobExecutor;
    @Autowired @Qualifier("camundaTaskExecutor") ThreadPoolTaskExecutor jobThreads;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired HistoryService historyService;

    @Test
    void isTunedToLookForDueJobsAtLeastEveryFiveSeconds() {
        assertThat(jobExecutor.isActive()).isTrue();
        assertThat(jobExecutor.getWaitTimeInMillis()).isEqualTo(1000);
        assertThat(jobExecutor.getMaxWait()).isEqualTo(5000);
        assertThat(jobThreads.getCorePoolSize()).isEqualTo(3);
        assertThat(jobThreads.getMaxPoolSize()).isEqualTo(6);
        assertThat(jobThreads.getQueueCapacity()).isEqualTo(20);
    }

    @Test
    void aDueTimerFiresWithinSecondsOfItsDueTimeAfterTheExecutorHasBeenIdle() throws Exception {
        repositoryService.createDeployment().addClasspathResource("bpmn/timer-in-eight-seconds.bpmn").deploy();
        // let the executor back off as far as it goes when there is nothing to do (5 s here, 60 s by default)
        Thread.sleep(Duration.ofSeconds(10).toMillis());

        Instant started = Instant.now();
        String instance = runtimeService.startProcessInstanceByKey("timer-in-eight-seconds").getId();
        Duration deadline = TIMER.plus(AT_MOST_LATE).plusSeconds(10);
        while (historyService.createHistoricProcessInstanceQuery().processInstanceId(instance).finished().count() == 0
                && Duration.between(started, Instant.now()).compareTo(deadline) < 0) {
            Thread.sleep(100);
        }
        Duration took = Duration.between(started, Instant.now());

        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instance).finished().count())
                .as("the timer fired within %s", deadline).isEqualTo(1);
        assertThat(took).as("from start to end of a %s timer", TIMER).isBetween(TIMER, TIMER.plus(AT_MOST_LATE));
    }
}
