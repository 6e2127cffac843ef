package org.auditmanager.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.auditmanager.AuditManagerApplication;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.engagement.EngagementKind;
import org.auditmanager.engagement.Engagements;
import org.auditmanager.engagement.Framework;
import org.auditmanager.engagement.NewEngagement;
import org.auditmanager.engagement.ProcessVariables;
import org.auditmanager.evidence.EvidenceRequest;
import org.auditmanager.evidence.EvidenceRequests;
import org.auditmanager.evidence.NewEvidenceRequest;
import org.auditmanager.forms.BoundForm;
import org.auditmanager.forms.FormBinder;
import org.auditmanager.forms.FormSchemas;
import org.auditmanager.organisation.Organisation;
import org.auditmanager.organisation.OrganisationForm;
import org.auditmanager.organisation.Organisations;
import org.auditmanager.security.AuthenticatedUser;
import org.auditmanager.security.CamundaGroups;
import org.auditmanager.security.NewUser;
import org.auditmanager.security.Role;
import org.auditmanager.security.UserAccounts;
import org.auditmanager.tasks.TaskActions;
import org.auditmanager.tasks.TaskFilter;
import org.auditmanager.tasks.TaskLists;
import org.auditmanager.tasks.TaskPage;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The benchmark of docs/benchmarks.md: the real application (SpringApplication, demo profile, H2 file database in
 * a temporary directory, job executor on with the production settings) against raw Camunda running BPMN of the
 * same shape ({@link RawModels}) in the same engine and JVM. Ours and raw alternate round by round (the order
 * flips every round); each figure is the median of the per-round ratios. Writes
 * {@code target/benchmark/results.json}.
 * <p>
 * {@code -Dbenchmark.scale} multiplies every size (1 = 1k/10k/50k engagements for B2), {@code -Dbenchmark.rounds}
 * sets the A/B rounds.
 */
public final class Benchmark {

    private static final String[] TIMERS = {"FirstReminderTimer", "FinalReminderTimer", "OverdueTimer"};
    private static final Map<String, List<String>> PLAN = Map.of(
            "plannedStart", List.of(LocalDate.now().plusWeeks(3).toString()),
            "plannedEnd", List.of(LocalDate.now().plusWeeks(4).toString()),
            "auditorDays", List.of("8.5"),
            "decision", List.of("accept"),
            "independenceConfirmed", List.of("true"));
    private static final Map<String, List<String>> CONTACTS = Map.of(
            "contactName", List.of("Benny Benchmark"),
            "contactEmail", List.of("benny@client.example"),
            "fieldworkModes", List.of("onsite", "remote"),
            "auditLanguage", List.of("en"));

    private final double scale;
    private final int rounds;
    private final Path databaseFile;
    private final Map<String, Object> results = new LinkedHashMap<>();

    private final Engagements engagements;
    private final EvidenceRequests evidenceRequests;
    private final TaskActions taskActions;
    private final TaskLists taskLists;
    private final Organisations organisations;
    private final UserAccounts users;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final ManagementService managementService;
    private final ProcessEngine processEngine;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Map<String, Object> rawPlanValues;
    private final Map<String, Object> rawContactValues;

    private AuthenticatedUser manager;
    private AuthenticatedUser lead;
    private AuthenticatedUser benchClient;
    private AuthenticatedUser acme;
    private Organisation lifecycleOrganisation;
    private final AtomicInteger rawCounter = new AtomicInteger();
    private final AtomicInteger populationCounter = new AtomicInteger();
    private final List<Map<String, Object>> populationStats = new ArrayList<>();

    private Benchmark(ConfigurableApplicationContext context, double scale, int rounds, Path databaseFile) {
        this.scale = scale;
        this.rounds = rounds;
        this.databaseFile = databaseFile;
        this.engagements = context.getBean(Engagements.class);
        this.evidenceRequests = context.getBean(EvidenceRequests.class);
        this.taskActions = context.getBean(TaskActions.class);
        this.taskLists = context.getBean(TaskLists.class);
        this.organisations = context.getBean(Organisations.class);
        this.users = context.getBean(UserAccounts.class);
        this.processEngine = context.getBean(ProcessEngine.class);
        this.runtimeService = processEngine.getRuntimeService();
        this.taskService = processEngine.getTaskService();
        this.managementService = processEngine.getManagementService();
        this.jdbc = context.getBean(JdbcTemplate.class);
        this.transactions = context.getBean(TransactionTemplate.class);
        FormSchemas schemas = context.getBean(FormSchemas.class);
        FormBinder binder = context.getBean(FormBinder.class);
        this.rawPlanValues = bound(binder, schemas, "forms/engagement-plan.form", PLAN);
        this.rawContactValues = bound(binder, schemas, "forms/audit-contacts.form", CONTACTS);
    }

    public static void main(String[] args) throws Exception {
        long mainStarted = System.nanoTime();
        double scale = Double.parseDouble(System.getProperty("benchmark.scale", "1"));
        int rounds = Integer.getInteger("benchmark.rounds", 5);
        Path output = Path.of(System.getProperty("benchmark.output", "target/benchmark"));
        Path directory = Files.createTempDirectory("auditmanager-benchmark-");
        Map<String, Object> machine = machine();
        ConfigurableApplicationContext context = new SpringApplicationBuilder(AuditManagerApplication.class,
                BenchmarkConfiguration.class)
                .initializers(c -> c.getBeanFactory().registerSingleton("benchmarkSuiteClassesExcluded",
                        new SuiteClassesExcluded()))
                .run("--server.port=0",
                        "--spring.datasource.url=jdbc:h2:file:" + directory.resolve("auditmanager")
                                + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0",
                        "--camunda.bpm.generate-unique-process-engine-name=false",
                        "--camunda.bpm.job-execution.enabled=true",
                        // the reminder scan is a scheduled sweep over everything; it would fire at random in the
                        // middle of the measurements (docs/benchmarks.md)
                        "--app.notify.scan-enabled=false",
                        // notices go to the log when no SMTP server is configured; 50k of them would flood it
                        "--logging.level.org.auditmanager=WARN");
        double bootSeconds = (System.nanoTime() - mainStarted) / 1e9;
        Benchmark benchmark = new Benchmark(context, scale, rounds, directory.resolve("auditmanager.mv.db"));
        try {
            benchmark.results.put("machine", machine);
            benchmark.results.put("settings", Map.of("scale", scale, "rounds", rounds));
            benchmark.results.put("startup", Map.of("secondsToReadyContext", round(bootSeconds),
                    "rssAfterBootMiB", rssKib() / 1024,
                    "note", "this JVM runs on the test class path with the benchmark's counting DataSource; "
                            + "scripts/measure-startup.sh measures the packaged jar"));
            try {
                benchmark.run();
            } catch (RuntimeException e) {
                // the figures measured so far are still worth keeping; the error says where it stopped
                benchmark.results.put("error", String.valueOf(e));
                throw e;
            } finally {
                benchmark.results.put("machineAtEnd", Map.of("loadAverage", loadAverage()));
                benchmark.results.put("totalSeconds", round((System.nanoTime() - mainStarted) / 1e9));
                benchmark.write(output);
            }
        } finally {
            context.close();
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        System.exit(0);
    }

    private void write(Path output) throws IOException {
        Files.createDirectories(output);
        Path file = output.resolve("results.json");
        ObjectMapper json = new ObjectMapper().findAndRegisterModules().enable(SerializationFeature.INDENT_OUTPUT);
        json.writeValue(file.toFile(), results);
        System.out.println("Benchmark results: " + file.toAbsolutePath());
        System.out.println(json.writeValueAsString(summary()));
    }

    private void run() {
        setUp();
        log("B0 statements per step");
        statementsPerStep();
        log("B1 lifecycle");
        lifecycleCost();
        log("B3 timer drain");
        timerDrain();
        log("B4 storage");
        storagePerEngagement();
        log("B2 task list");
        taskList();
    }

    // ---------------------------------------------------------------------------------------------- set-up

    private void setUp() {
        RawModels.deploy(processEngine.getRepositoryService());
        manager = principal("manager");
        lead = principal("lead");
        acme = principal("acme");
        lifecycleOrganisation = organisations.create(new OrganisationForm("Benchmark Lifecycle Ltd", 50,
                List.of("Head office")));
        users.create(new NewUser("benchclient", "Benny Benchmark", "benny@client.example", "benchclient",
                java.util.Set.of(Role.CLIENT), lifecycleOrganisation.id()));
        benchClient = principal("benchclient");
    }

    // ---------------------------------------------------------------------------------------------- B0 and B1

    /** One engagement through the steps, as the application does it; returns what each step cost. */
    private Map<String, Long> oursLifecycle(Map<String, StatementCounter.Tally> tallies) {
        Map<String, Long> nanos = new LinkedHashMap<>();
        Engagement engagement = step("createEngagement", nanos, tallies, () -> engagements.create(
                iso(lifecycleOrganisation.id(), "lead", "Lifecycle"), manager));
        String plan = taskId(engagement.reference(), "PlanEngagement");
        step("completeTask:PlanEngagement", nanos, tallies, () -> valid(taskActions.complete(plan, PLAN, lead)));
        String contacts = taskId(engagement.reference(), "ConfirmAuditContacts");
        step("completeTask:ConfirmAuditContacts", nanos, tallies,
                () -> valid(taskActions.complete(contacts, CONTACTS, benchClient)));
        EvidenceRequest request = step("shareEvidenceRequest", nanos, tallies, () -> {
            EvidenceRequest draft = evidenceRequests.create(engagement.id(), evidenceRequest(), manager);
            return evidenceRequests.share(engagement.id(), List.of(draft.id()), manager).get(0);
        });
        fireTimers(request.processInstanceId(), nanos, tallies);
        return nanos;
    }

    /** The same shape driven through the engine's own services. */
    private Map<String, Long> rawLifecycle(Map<String, StatementCounter.Tally> tallies) {
        Map<String, Long> nanos = new LinkedHashMap<>();
        String reference = "RAW-" + rawCounter.incrementAndGet();
        String group = CamundaGroups.organisationGroup(lifecycleOrganisation.id());
        step("createEngagement", nanos, tallies, () -> runtimeService.startProcessInstanceByKey(
                RawModels.ENGAGEMENT, reference, Map.of(ProcessVariables.ENGAGEMENT_ID, UUID.randomUUID().toString(),
                        ProcessVariables.CLIENT_GROUP, group, ProcessVariables.LEAD_AUDITOR, "lead")));
        String plan = taskId(reference, "PlanEngagement");
        step("completeTask:PlanEngagement", nanos, tallies, () -> {
            taskService.complete(plan, rawPlanValues);
            return null;
        });
        String contacts = taskId(reference, "ConfirmAuditContacts");
        step("completeTask:ConfirmAuditContacts", nanos, tallies, () -> {
            taskService.complete(contacts, rawContactValues);
            return null;
        });
        String instance = step("shareEvidenceRequest", nanos, tallies, () -> runtimeService
                .startProcessInstanceByKey(RawModels.EVIDENCE, reference, rawEvidenceVariables(group)).getId());
        fireTimers(instance, nanos, tallies);
        return nanos;
    }

    private void fireTimers(String processInstanceId, Map<String, Long> nanos,
                            Map<String, StatementCounter.Tally> tallies) {
        for (String timer : TIMERS) {
            Job job = managementService.createJobQuery().processInstanceId(processInstanceId).activityId(timer)
                    .singleResult();
            step("fireTimer:" + timer, nanos, tallies, () -> {
                managementService.executeJob(job.getId());
                return null;
            });
        }
    }

    private void statementsPerStep() {
        int measured = 5;
        Map<String, List<Long>> ours = new LinkedHashMap<>();
        Map<String, List<Long>> raw = new LinkedHashMap<>();
        Map<String, StatementCounter.Tally> lastOurs = null;
        Map<String, StatementCounter.Tally> lastRaw = null;
        for (int i = 0; i < measured + 2; i++) {
            Map<String, StatementCounter.Tally> oursTallies = new LinkedHashMap<>();
            Map<String, StatementCounter.Tally> rawTallies = new LinkedHashMap<>();
            if (i % 2 == 0) {
                oursLifecycle(oursTallies);
                rawLifecycle(rawTallies);
            } else {
                rawLifecycle(rawTallies);
                oursLifecycle(oursTallies);
            }
            if (i >= 2) {
                oursTallies.forEach((step, tally) -> ours.computeIfAbsent(step, s -> new ArrayList<>()).add(tally.statements));
                rawTallies.forEach((step, tally) -> raw.computeIfAbsent(step, s -> new ArrayList<>()).add(tally.statements));
                lastOurs = oursTallies;
                lastRaw = rawTallies;
            }
        }
        Map<String, Object> steps = new LinkedHashMap<>();
        long oursTotal = 0;
        long rawTotal = 0;
        for (String step : ours.keySet()) {
            long o = (long) median(ours.get(step));
            long r = (long) median(raw.get(step));
            oursTotal += o;
            rawTotal += r;
            steps.put(step, Map.of("ours", o, "raw", r, "ratio", round((double) o / r)));
        }
        Map<String, Object> profile = new LinkedHashMap<>();
        for (String step : lastOurs.keySet()) {
            profile.put(step, extraStatements(lastOurs.get(step), lastRaw.get(step)));
        }
        Map<String, Object> b0 = new LinkedHashMap<>();
        b0.put("method", "JDBC proxy around the application's DataSource (StatementCounter): every execute* call "
                + "counts one statement, a JDBC batch one per addBatch; only the thread driving the step is counted; "
                + "median over " + measured + " lifecycles per side after 2 warm-up lifecycles");
        b0.put("steps", steps);
        b0.put("lifecycleTotal", Map.of("ours", oursTotal, "raw", rawTotal, "ratio", round((double) oursTotal / rawTotal)));
        b0.put("statementsOursAddsPerStep", profile);
        results.put("B0_sqlStatementsPerStep", b0);
    }

    /** The statements ours sends more often than raw in one step, most first: where the extra cost is. */
    private static List<Map<String, Object>> extraStatements(StatementCounter.Tally ours, StatementCounter.Tally raw) {
        List<Map<String, Object>> extra = new ArrayList<>();
        ours.bySql.forEach((sql, count) -> {
            int more = count - raw.bySql.getOrDefault(sql, 0);
            if (more > 0) {
                extra.add(Map.of("sql", sql.length() > 160 ? sql.substring(0, 160) + "…" : sql, "extra", more));
            }
        });
        extra.sort(Comparator.comparing((Map<String, Object> row) -> (Integer) row.get("extra")).reversed());
        return extra.subList(0, Math.min(12, extra.size()));
    }

    private void lifecycleCost() {
        int perRound = Math.max(10, (int) Math.round(20 * Math.min(scale, 1)));
        List<Double> ratios = new ArrayList<>();
        List<Map<String, Object>> roundRows = new ArrayList<>();
        Map<String, List<Long>> oursSteps = new LinkedHashMap<>();
        Map<String, List<Long>> rawSteps = new LinkedHashMap<>();
        for (int round = -1; round < rounds; round++) {
            long[] ours = {0};
            long[] raw = {0};
            Runnable runOurs = () -> {
                for (int i = 0; i < perRound; i++) {
                    long start = System.nanoTime();
                    Map<String, Long> steps = oursLifecycle(null);
                    ours[0] += System.nanoTime() - start;
                    steps.forEach((step, n) -> oursSteps.computeIfAbsent(step, s -> new ArrayList<>()).add(n));
                }
            };
            Runnable runRaw = () -> {
                for (int i = 0; i < perRound; i++) {
                    long start = System.nanoTime();
                    Map<String, Long> steps = rawLifecycle(null);
                    raw[0] += System.nanoTime() - start;
                    steps.forEach((step, n) -> rawSteps.computeIfAbsent(step, s -> new ArrayList<>()).add(n));
                }
            };
            if (round % 2 == 0) {
                runOurs.run();
                runRaw.run();
            } else {
                runRaw.run();
                runOurs.run();
            }
            if (round < 0) {
                oursSteps.clear();
                rawSteps.clear();
                continue;
            }
            double ratio = (double) ours[0] / raw[0];
            ratios.add(ratio);
            roundRows.add(Map.of("round", round + 1, "oursMsPerLifecycle", round(ours[0] / 1e6 / perRound),
                    "rawMsPerLifecycle", round(raw[0] / 1e6 / perRound), "ratio", round(ratio)));
        }
        Map<String, Object> steps = new LinkedHashMap<>();
        oursSteps.forEach((step, values) -> {
            double o = median(values) / 1e6;
            double r = median(rawSteps.get(step)) / 1e6;
            steps.put(step, Map.of("oursMedianMs", round(o), "rawMedianMs", round(r), "ratio", round(o / r)));
        });
        Map<String, Object> b1 = new LinkedHashMap<>();
        b1.put("lifecycle", "create an ISO/IEC 27001 engagement (process + kick-off call activity), complete "
                + "'Plan the engagement' (lead auditor) and 'Confirm audit contacts' (client) through TaskActions, "
                + "draft and share one evidence request, fire its first-reminder, final-reminder and due-date timers");
        b1.put("lifecyclesPerSidePerRound", perRound);
        b1.put("rounds", roundRows);
        b1.put("medianRatio", round(median(ratios)));
        b1.put("target", "<= 1.2");
        b1.put("stepMedians", steps);
        results.put("B1_lifecycleCost", b1);
    }

    // ---------------------------------------------------------------------------------------------- B3

    private void timerDrain() {
        int perRound = Math.max(100, (int) Math.round(300 * scale));
        int drainRounds = Math.max(2, Math.min(rounds, 3));
        Engagement engagement = engagements.create(iso(lifecycleOrganisation.id(), "lead", "Timer drain"), manager);
        String group = CamundaGroups.organisationGroup(lifecycleOrganisation.id());
        List<Double> ratios = new ArrayList<>();
        List<Map<String, Object>> roundRows = new ArrayList<>();
        for (int round = 0; round < drainRounds; round++) {
            Map<String, Object> ours;
            Map<String, Object> raw;
            if (round % 2 == 0) {
                ours = drain("evidence-request", () -> shareEvidenceRequests(engagement, perRound));
                raw = drain(RawModels.EVIDENCE, () -> startRawEvidence(group, perRound));
            } else {
                raw = drain(RawModels.EVIDENCE, () -> startRawEvidence(group, perRound));
                ours = drain("evidence-request", () -> shareEvidenceRequests(engagement, perRound));
            }
            double ratio = (double) ours.get("jobsPerSecond") / (double) raw.get("jobsPerSecond");
            ratios.add(ratio);
            roundRows.add(Map.of("round", round + 1, "ours", ours, "raw", raw, "ratio", round(ratio)));
        }
        Map<String, Object> b3 = new LinkedHashMap<>();
        b3.put("method", perRound + " evidence requests per side and round, each with 3 timers (first reminder, "
                + "final reminder, due date) that fall due together when the engine clock (ClockUtil) is moved 31 days "
                + "ahead; the job executor (production settings) is woken and the time until no timer of that process "
                + "is left is measured");
        b3.put("rounds", roundRows);
        b3.put("medianRatio", round(median(ratios)));
        b3.put("target", ">= 0.8");
        results.put("B3_timerDrain", b3);
    }

    private Map<String, Object> drain(String processKey, Runnable create) {
        create.run();
        long due = managementService.createJobQuery().processDefinitionKey(processKey).timers().count();
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(31))));
        long start = System.nanoTime();
        try {
            ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).getJobExecutor()
                    .jobWasAdded();
            long deadline = start + Duration.ofMinutes(5).toNanos();
            while (managementService.createJobQuery().processDefinitionKey(processKey).withRetriesLeft().count() > 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("timers of " + processKey + " not drained in 5 minutes");
                }
                sleep(20);
            }
        } finally {
            ClockUtil.reset();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long failed = managementService.createJobQuery().processDefinitionKey(processKey).noRetriesLeft().count();
        return Map.of("timers", due, "seconds", round(seconds), "jobsPerSecond", round(due / seconds),
                "failedJobs", failed);
    }

    private void shareEvidenceRequests(Engagement engagement, int count) {
        for (int done = 0; done < count; done += 50) {
            int batch = Math.min(50, count - done);
            transactions.executeWithoutResult(status -> {
                List<UUID> ids = new ArrayList<>();
                for (int i = 0; i < batch; i++) {
                    ids.add(evidenceRequests.create(engagement.id(), evidenceRequest(), manager).id());
                }
                evidenceRequests.share(engagement.id(), ids, manager);
            });
        }
    }

    private void startRawEvidence(String group, int count) {
        for (int done = 0; done < count; done += 50) {
            int batch = Math.min(50, count - done);
            transactions.executeWithoutResult(status -> {
                for (int i = 0; i < batch; i++) {
                    runtimeService.startProcessInstanceByKey(RawModels.EVIDENCE, "RAW-DRAIN",
                            rawEvidenceVariables(group));
                }
            });
        }
    }

    // ---------------------------------------------------------------------------------------------- B2 and B4

    private void taskList() {
        AuthenticatedUser acmeClient = acme;
        ensureAcmeOpenTasks(50);
        List<Organisation> others = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            others.add(organisations.create(new OrganisationForm("Benchmark Population %02d".formatted(i), 100,
                    List.of("Site " + i))));
        }
        int samples = 200;
        List<Map<String, Object>> levels = new ArrayList<>();
        Map<String, Object> previousStorage = null;
        long previousEngagements = 0;
        for (int target : new int[] {level(1_000), level(10_000), level(50_000)}) {
            if (!levels.isEmpty() && target <= previousEngagements) {
                // at a tiny scale a level can lie below what the earlier figures already created
                continue;
            }
            populate(others, target);
            long engagementCount = activeEngagements();
            Map<String, Object> storage = storage();
            List<Long> oursNanos = new ArrayList<>();
            List<Long> naiveNanos = new ArrayList<>();
            long[] totals = new long[2];
            for (int i = -20; i < samples; i++) {
                long oursTime;
                long naiveTime;
                if (i % 2 == 0) {
                    oursTime = timed(() -> totals[0] = ourTaskList(acmeClient).total());
                    naiveTime = timed(() -> totals[1] = naiveTaskList(acmeClient));
                } else {
                    naiveTime = timed(() -> totals[1] = naiveTaskList(acmeClient));
                    oursTime = timed(() -> totals[0] = ourTaskList(acmeClient).total());
                }
                if (i >= 0) {
                    oursNanos.add(oursTime);
                    naiveNanos.add(naiveTime);
                }
            }
            Map<String, Object> level = new LinkedHashMap<>();
            level.put("activeEngagements", engagementCount);
            level.put("oursStatementsByTime", profileOf(() -> ourTaskList(acmeClient)));
            level.put("naiveStatementsByTime", profileOf(() -> naiveTaskList(acmeClient)));
            level.put("openTasksInDatabase", taskService.createTaskQuery().active().count());
            level.put("clientOpenTasks", totals[0]);
            level.put("naiveOpenTasks", totals[1]);
            level.put("oursMs", Map.of("p50", ms(percentile(oursNanos, 50)), "p95", ms(percentile(oursNanos, 95))));
            level.put("naiveProcessVariableFilterMs", Map.of("p50", ms(percentile(naiveNanos, 50)),
                    "p95", ms(percentile(naiveNanos, 95))));
            level.put("oursOverNaiveP95", round((double) percentile(oursNanos, 95) / percentile(naiveNanos, 95)));
            level.put("storage", storage);
            if (previousStorage != null) {
                long engagementsAdded = engagementCount - previousEngagements;
                level.put("tableBytesPerAddedEngagement", Math.round((double) ((long) storage.get("tableBytes")
                        - (long) previousStorage.get("tableBytes")) / engagementsAdded));
                level.put("fileBytesPerAddedEngagement", Math.round((double) ((long) storage.get("fileBytes")
                        - (long) previousStorage.get("fileBytes")) / engagementsAdded));
                level.put("heapBytesPerAddedEngagement", Math.round((double) ((long) storage.get("heapAfterGcBytes")
                        - (long) previousStorage.get("heapAfterGcBytes")) / engagementsAdded));
            }
            levels.add(level);
            previousStorage = storage;
            previousEngagements = engagementCount;
            log("level " + engagementCount + " engagements: " + level.get("oursMs") + " naive "
                    + level.get("naiveProcessVariableFilterMs"));
        }
        double p95First = p95Of(levels.get(0));
        double p95Last = p95Of(levels.get(levels.size() - 1));
        Map<String, Object> b2 = new LinkedHashMap<>();
        b2.put("method", "TaskLists.list(client 'acme', no filter, first page of 20) as the task-list page calls it, "
                + "against the engine query a naive implementation would use (processVariableValueEquals on "
                + "clientGroup, same assignee/candidate-group condition, count + first page); " + samples
                + " samples each, interleaved, after 20 warm-up pairs; the other engagements are ISO cycles of 20 "
                + "other organisations created through Engagements.create, at the kick-off's 'Plan the engagement'");
        b2.put("population", populationStats);
        b2.put("levels", levels);
        b2.put("p95LargestOverP95Smallest", round(p95Last / p95First));
        b2.put("target", "<= 1.5");
        results.put("B2_taskList", b2);

    }

    /**
     * B4: what one engagement created through Engagements.create occupies (every table, ours and the engine's),
     * against one instance of the raw engagement BPMN at the same point (kick-off's first task open).
     */
    private void storagePerEngagement() {
        int count = Math.max(40, (int) Math.round(200 * scale));
        Map<String, Object> start = storage();
        for (int done = 0; done < count; done += 20) {
            int batch = Math.min(20, count - done);
            transactions.executeWithoutResult(status -> {
                for (int i = 0; i < batch; i++) {
                    engagements.create(iso(lifecycleOrganisation.id(), "lead", "Storage"), manager);
                }
            });
        }
        Map<String, Object> afterOurs = storage();
        String group = CamundaGroups.organisationGroup(lifecycleOrganisation.id());
        for (int done = 0; done < count; done += 20) {
            int batch = Math.min(20, count - done);
            transactions.executeWithoutResult(status -> {
                for (int i = 0; i < batch; i++) {
                    runtimeService.startProcessInstanceByKey(RawModels.ENGAGEMENT, "RAW-SIZE-" + rawCounter.incrementAndGet(),
                            Map.of(ProcessVariables.ENGAGEMENT_ID, UUID.randomUUID().toString(),
                                    ProcessVariables.CLIENT_GROUP, group, ProcessVariables.LEAD_AUDITOR, "lead"));
                }
            });
        }
        Map<String, Object> afterRaw = storage();
        double ours = delta(afterOurs, start, "tableBytes") / count;
        double raw = delta(afterRaw, afterOurs, "tableBytes") / count;
        Map<String, Object> b4 = new LinkedHashMap<>();
        b4.put("method", count + " engagements created through Engagements.create, then " + count + " raw engagement "
                + "instances; H2 DISK_SPACE_USED summed over every table (ours and the engine's ACT_*) after CHECKPOINT "
                + "SYNC, before and after each set, divided by the count; the H2 file growth is given too (H2 keeps "
                + "old chunks until it compacts, so it overstates); heap after System.gc() per level in B2");
        b4.put("oursTableBytesPerEngagement", Math.round(ours));
        b4.put("rawTableBytesPerInstance", Math.round(raw));
        b4.put("ratio", round(ours / raw));
        b4.put("oursFileGrowthBytesPerEngagement", Math.round(delta(afterOurs, start, "fileBytes") / count));
        b4.put("rawFileGrowthBytesPerInstance", Math.round(delta(afterRaw, afterOurs, "fileBytes") / count));
        b4.put("heapAfterGcBytes", Map.of("before", start.get("heapAfterGcBytes"), "afterOurs",
                afterOurs.get("heapAfterGcBytes"), "afterRaw", afterRaw.get("heapAfterGcBytes")));
        b4.put("target", "<= 40 KB per active engagement");
        results.put("B4_storage", b4);
    }

    private static double delta(Map<String, Object> after, Map<String, Object> before, String key) {
        return (double) ((long) after.get(key) - (long) before.get(key));
    }

    /** Where one call spends its database time: its statements, slowest first (median of 15 calls). */
    private static List<Map<String, Object>> profileOf(Runnable call) {
        Map<String, List<Long>> nanos = new HashMap<>();
        for (int i = 0; i < 15; i++) {
            StatementCounter.start();
            call.run();
            StatementCounter.stop().nanosBySql.forEach((sql, n) -> nanos.computeIfAbsent(sql, s -> new ArrayList<>()).add(n));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        nanos.forEach((sql, values) -> rows.add(Map.of("sql", sql.length() > 400 ? sql.substring(0, 400) + "…" : sql,
                "medianMs", ms((long) median(values)))));
        rows.sort(Comparator.comparing((Map<String, Object> row) -> (Double) row.get("medianMs")).reversed());
        return rows;
    }

    private double p95Of(Map<String, Object> level) {
        @SuppressWarnings("unchecked")
        Map<String, Object> ours = (Map<String, Object>) level.get("oursMs");
        return (double) ours.get("p95");
    }

    private TaskPage ourTaskList(AuthenticatedUser client) {
        return taskLists.list(client, TaskFilter.NONE, 0, 20);
    }

    private long naiveTaskList(AuthenticatedUser client) {
        TaskQuery query = taskService.createTaskQuery().active()
                .processVariableValueEquals(ProcessVariables.CLIENT_GROUP, CamundaGroups.organisationGroup(
                        client.organisationId()))
                .or().taskAssignee(client.getUsername()).taskCandidateGroupIn(client.camundaGroups()).endOr();
        long total = query.count();
        List<Task> page = query.orderByDueDate().asc().orderByTaskCreateTime().asc().listPage(0, 20);
        return page.isEmpty() ? 0 : total;
    }

    private void ensureAcmeOpenTasks(int wanted) {
        long open = ourTaskList(acme).total();
        UUID acmeOrganisation = acme.organisationId();
        for (long i = open; i < wanted; i++) {
            Engagement engagement = engagements.create(iso(acmeOrganisation, "lead", "Acme task " + i), manager);
            valid(taskActions.complete(taskId(engagement.reference(), "PlanEngagement"), PLAN, lead));
        }
    }

    /**
     * Brings the database to {@code target} active engagements, the others' ISO cycles created through
     * Engagements.create in transactions of 100. One thread: creation is serialised by design on the reference
     * counter row and the audit trail's head row (a second thread only waits for those locks).
     */
    private void populate(List<Organisation> others, int target) {
        long missing = target - activeEngagements();
        if (missing <= 0) {
            return;
        }
        long started = System.nanoTime();
        long cpuBefore = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        for (long first = 0; first < missing; first += 100) {
            long batch = Math.min(100, missing - first);
            transactions.executeWithoutResult(status -> {
                for (long i = 0; i < batch; i++) {
                    int n = populationCounter.incrementAndGet();
                    engagements.create(iso(others.get(n % others.size()).id(), "auditor", "Population " + n), manager);
                }
            });
            if (first % 2000 == 0) {
                log("populated " + first + "/" + missing + " in " + Math.round((System.nanoTime() - started) / 1e9)
                        + " s");
            }
        }
        long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuBefore;
        populationStats.add(Map.of("engagements", missing, "seconds", round((System.nanoTime() - started) / 1e9),
                "msPerEngagement", round((System.nanoTime() - started) / 1e6 / missing),
                "cpuMsPerEngagement", round(cpu / 1e6 / missing)));
    }

    private long activeEngagements() {
        return runtimeService.createProcessInstanceQuery().active()
                .processDefinitionKeyIn("iso27001-certification-cycle", "soc2-examination").count();
    }

    private Map<String, Object> storage() {
        jdbc.execute("CHECKPOINT SYNC");
        List<String> tables = jdbc.queryForList("select table_name from information_schema.tables "
                + "where table_schema = 'PUBLIC' and table_type = 'BASE TABLE'", String.class);
        long tableBytes = 0;
        for (String table : tables) {
            Long used = jdbc.queryForObject("select disk_space_used(?)", Long.class, "PUBLIC.\"" + table + "\"");
            tableBytes += used == null ? 0 : used;
        }
        long fileBytes;
        try {
            fileBytes = Files.size(databaseFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> storage = new LinkedHashMap<>();
        storage.put("tableBytes", tableBytes);
        storage.put("fileBytes", fileBytes);
        storage.put("heapAfterGcBytes", heapAfterGc());
        return storage;
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private int level(int engagementsAtScaleOne) {
        return Math.max(20, (int) Math.round(engagementsAtScaleOne * scale));
    }

    private static NewEngagement iso(UUID organisation, String lead, String title) {
        return new NewEngagement(organisation, Framework.ISO27001, EngagementKind.CERTIFICATION_CYCLE, title,
                "Whole company", lead, List.of(), "reviewer", null, null, null, null, null);
    }

    private static NewEvidenceRequest evidenceRequest() {
        LocalDate today = LocalDate.now();
        return new NewEvidenceRequest("Access review records", "The last two quarterly access reviews",
                List.of("A.5.18"), null, today.plusDays(30), null, null, today);
    }

    private Map<String, Object> rawEvidenceVariables(String group) {
        Instant due = LocalDate.now().plusDays(30).atStartOfDay(java.time.ZoneId.systemDefault()).toInstant();
        Map<String, Object> variables = new HashMap<>();
        variables.put(ProcessVariables.ENGAGEMENT_ID, UUID.randomUUID().toString());
        variables.put("evidenceRequestId", UUID.randomUUID().toString());
        variables.put(ProcessVariables.CLIENT_GROUP, group);
        variables.put(ProcessVariables.LEAD_AUDITOR, "lead");
        variables.put("dueAt", Date.from(due.plus(Duration.ofDays(1)).minusMillis(1)));
        variables.put("firstReminderAt", Date.from(due.minus(Duration.ofDays(14))));
        variables.put("finalReminderAt", Date.from(due.minus(Duration.ofDays(3))));
        variables.put("reminderUseful", true);
        return variables;
    }

    private String taskId(String businessKey, String taskKey) {
        return taskService.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(taskKey)
                .singleResult().getId();
    }

    private static <T> T step(String name, Map<String, Long> nanos, Map<String, StatementCounter.Tally> tallies,
                              Supplier<T> action) {
        if (tallies != null) {
            StatementCounter.start();
        }
        long start = System.nanoTime();
        try {
            return action.get();
        } finally {
            nanos.put(name, System.nanoTime() - start);
            if (tallies != null) {
                tallies.put(name, StatementCounter.stop());
            }
        }
    }

    private static BoundForm valid(BoundForm form) {
        if (!form.isValid()) {
            throw new IllegalStateException("benchmark form values rejected: " + form);
        }
        return form;
    }

    private static Map<String, Object> bound(FormBinder binder, FormSchemas schemas, String resource,
                                             Map<String, List<String>> submitted) {
        try (InputStream json = Benchmark.class.getClassLoader().getResourceAsStream(resource)) {
            return valid(binder.bind(schemas.parse(new String(json.readAllBytes(), StandardCharsets.UTF_8)),
                    submitted)).values();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private AuthenticatedUser principal(String username) {
        return (AuthenticatedUser) users.loadUserByUsername(username);
    }

    private static long timed(Runnable action) {
        long start = System.nanoTime();
        action.run();
        return System.nanoTime() - start;
    }

    private static double median(List<? extends Number> values) {
        List<Double> sorted = values.stream().map(Number::doubleValue).sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static long percentile(List<Long> values, int percentile) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }

    private static double ms(long nanos) {
        return round(nanos / 1e6);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> summary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        for (String key : results.keySet()) {
            if (results.get(key) instanceof Map<?, ?> figure) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (String field : List.of("lifecycleTotal", "medianRatio", "p95LargestOverP95Smallest",
                        "oursTableBytesPerEngagement", "rawTableBytesPerInstance", "ratio", "secondsToReadyContext",
                        "rssAfterBootMiB", "loadAverage", "target")) {
                    if (figure.containsKey(field)) {
                        row.put(field, figure.get(field));
                    }
                }
                if (!row.isEmpty()) {
                    summary.put(key, row);
                }
            }
        }
        return summary;
    }

    private static Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("availableProcessors", Runtime.getRuntime().availableProcessors());
        machine.put("loadAverage", loadAverage());
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        machine.put("maxHeapMiB", Runtime.getRuntime().maxMemory() / 1024 / 1024);
        machine.put("startedAt", Instant.now().toString());
        return machine;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static long rssKib() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                    .findFirst().orElse(0);
        } catch (IOException e) {
            return 0;
        }
    }

    private static void log(String message) {
        System.out.println("[benchmark " + Instant.now() + "] " + message);
    }
}
