package org.auditmanager.iso;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.auditmanager.DemoUsers;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.engagement.EngagementKind;
import org.auditmanager.engagement.Engagements;
import org.auditmanager.engagement.Framework;
import org.auditmanager.engagement.NewEngagement;
import org.auditmanager.organisation.Organisations;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;

/** Shared steps of the ISO process tests: engagements, the engine clock, tasks and due timers. */
final class IsoProcessTestSupport {

    private final ProcessEngine engine;
    private final Engagements engagements;
    private final Organisations organisations;
    private final DemoUsers users;

    IsoProcessTestSupport(ProcessEngine engine, Engagements engagements, Organisations organisations, DemoUsers users) {
        this.engine = engine;
        this.engagements = engagements;
        this.organisations = organisations;
        this.users = users;
    }

    static void today(LocalDate day) {
        ClockUtil.setCurrentTime(Date.from(day.atTime(9, 0).atZone(ZoneId.systemDefault()).toInstant()));
    }

    static Date startOf(LocalDate day) {
        return Date.from(day.atStartOfDay(ZoneId.systemDefault()).toInstant());
    }

    Engagement isoEngagement(String decisionMaker) {
        return engagements.create(new NewEngagement(organisations.findByName("Acme Cloud Ltd").orElseThrow().id(),
                Framework.ISO27001, EngagementKind.CERTIFICATION_CYCLE, "ISO test", "Cloud platform", "lead",
                List.of("auditor"), decisionMaker, null, null, null, null, null), users.get("manager"));
    }

    /** The open task with this key for the engagement, in whichever of its process instances it waits. */
    Task task(Engagement engagement, String key) {
        List<Task> tasks = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(engagement.reference())
                .taskDefinitionKey(key).list();
        if (tasks.size() != 1) {
            throw new AssertionError("expected one open task " + key + ", found " + tasks.size());
        }
        return tasks.get(0);
    }

    void complete(Engagement engagement, String key, Map<String, Object> values) {
        Task task = task(engagement, key);
        if (task.getAssignee() == null) {
            engine.getTaskService().claim(task.getId(), "manager");
        }
        engine.getTaskService().complete(task.getId(), values);
    }

    void completeAs(Engagement engagement, String key, String user, Map<String, Object> values) {
        Task task = task(engagement, key);
        engine.getTaskService().setAssignee(task.getId(), user);
        engine.getTaskService().complete(task.getId(), values);
    }

    /** Executes every timer of the engagement that is due at the engine's current time, earliest first. */
    int fireDueTimers(Engagement engagement) {
        int fired = 0;
        List<Job> due;
        while (!(due = dueTimers(engagement)).isEmpty()) {
            engine.getManagementService().executeJob(due.get(0).getId());
            fired++;
        }
        return fired;
    }

    private List<Job> dueTimers(Engagement engagement) {
        return engine.getManagementService().createJobQuery().timers()
                .duedateLowerThan(new Date(ClockUtil.getCurrentTime().getTime() + 1)).orderByJobDuedate().asc().list()
                .stream()
                .filter(job -> engagement.reference().equals(engine.getRuntimeService().createProcessInstanceQuery()
                        .processInstanceId(job.getProcessInstanceId()).singleResult().getBusinessKey()))
                .toList();
    }

    /** The timer date of an activity of the engagement's processes. */
    Date timerOf(Engagement engagement, String activityId) {
        return engine.getManagementService().createJobQuery().timers().activityId(activityId).list().stream()
                .filter(job -> engagement.reference().equals(engine.getRuntimeService().createProcessInstanceQuery()
                        .processInstanceId(job.getProcessInstanceId()).singleResult().getBusinessKey()))
                .findFirst().orElseThrow(() -> new AssertionError("no timer at " + activityId)).getDuedate();
    }

    /**
     * Moves the engagement's cycle to a later point: a new instance started before {@code activity} with the
     * variables the cycle would hold there, linked to the engagement instead of the one its creation started.
     */
    org.camunda.bpm.engine.runtime.ProcessInstance startCycleAt(Engagement engagement, String activity,
            Map<String, Object> variables, org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        engine.getRuntimeService().deleteProcessInstance(engagement.processInstanceId(), "test starts the cycle later");
        Map<String, Object> all = new java.util.HashMap<>(Map.of("engagementId", engagement.id().toString(),
                "clientGroup", org.auditmanager.security.CamundaGroups.organisationGroup(engagement.organisationId()),
                "leadAuditor", "lead", "cycleNo", 1, "decisionMaker", "reviewer"));
        all.putAll(variables);
        org.camunda.bpm.engine.runtime.ProcessInstance instance = engine.getRuntimeService()
                .createProcessInstanceByKey("iso27001-certification-cycle").businessKey(engagement.reference())
                .setVariables(all).startBeforeActivity(activity).execute();
        jdbc.sql("update engagement set process_instance_id = :pi where id = :id")
                .param("pi", instance.getId()).param("id", engagement.id()).update();
        return instance;
    }

    /** Kick-off accepted: the lead plans and accepts, the client confirms its contacts. */
    void acceptKickoff(Engagement engagement) {
        complete(engagement, "PlanEngagement", withVariables("decision", "accept"));
        complete(engagement, "ConfirmAuditContacts", Map.of());
    }

    /**
     * An engagement through its kick-off, application (120 persons in London) and a Stage 1 held on 20 and 21
     * January 2026 that finds it ready; the engine clock is left on 22 January 2026.
     */
    void throughStage1(Engagement engagement) {
        acceptKickoff(engagement);
        complete(engagement, "ReviewApplication", withVariables("personsInScope", 120L,
                "sites", "London", "scopeStatement", "Cloud hosting platform"));
        today(LocalDate.of(2026, 1, 22));
        runAudit(engagement, LocalDate.of(2026, 1, 20), LocalDate.of(2026, 1, 21), "", "ready");
    }

    /**
     * One audit through iso27001-audit as the lead auditor: planned, evidence, fieldwork on the given days,
     * findings, report and sign-off. The engine clock must be on or after {@code lastDay}.
     */
    void runAudit(Engagement engagement, LocalDate firstDay, LocalDate lastDay, String findings, String recommendation) {
        complete(engagement, "PlanAudit", withVariables("plannedStart", firstDay.toString(),
                "plannedEnd", lastDay.toString(), "auditPlan", "Plan"));
        complete(engagement, "CollectEvidence", withVariables("evidenceSummary", "Policies, records",
                "evidenceComplete", true));
        complete(engagement, "ConductFieldwork", withVariables("actualStart", firstDay.toString(),
                "actualEnd", lastDay.toString()));
        complete(engagement, "RecordFindings", withVariables("findings", findings));
        complete(engagement, "WriteReport", withVariables("report", "Report"));
        String signOff = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(engagement.reference())
                .taskDefinitionKey("DecideReadiness").count() > 0 ? "DecideReadiness" : "SignOffAudit";
        complete(engagement, signOff, withVariables("recommendation", recommendation, "signOff", true));
    }

    /**
     * An approved Statement of Applicability that declares exactly {@code applicable} applicable: the client saves
     * and submits it, the lead auditor approves it.
     */
    static void approveSoa(Engagement engagement, java.util.Set<String> applicable,
            org.auditmanager.catalog.Catalog catalog, org.auditmanager.soa.StatementsOfApplicability statements,
            DemoUsers users) {
        List<org.auditmanager.soa.SoaEntry> entries = catalog.isoControls().stream()
                .map(control -> applicable.contains(control.id())
                        ? new org.auditmanager.soa.SoaEntry(control.id(), true, null,
                                org.auditmanager.soa.ImplementationStatus.IMPLEMENTED)
                        : new org.auditmanager.soa.SoaEntry(control.id(), false, "Outside the certified scope.", null))
                .toList();
        statements.saveDraft(engagement.id(), entries, users.get("acme"));
        statements.submit(engagement.id(), users.get("acme"));
        statements.approve(engagement.id(), users.get("lead"));
    }

    void respondAndAccept(Engagement engagement) {
        complete(engagement, "RespondToNonconformity", withVariables("correction", "Fixed",
                "rootCause", "No owner", "correctiveActionPlan", "Owner named", "implementationEvidence", "Records"));
        complete(engagement, "ReviewResponse", withVariables("reviewOutcome", "accept"));
    }
}
