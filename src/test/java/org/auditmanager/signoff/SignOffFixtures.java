package org.auditmanager.signoff;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.engagement.EngagementKind;
import org.auditmanager.engagement.Engagements;
import org.auditmanager.engagement.Framework;
import org.auditmanager.engagement.NewEngagement;
import org.auditmanager.evidence.EvidenceFile;
import org.auditmanager.evidence.EvidenceFiles;
import org.auditmanager.evidence.EvidenceRequest;
import org.auditmanager.evidence.EvidenceRequests;
import org.auditmanager.evidence.NewEvidenceRequest;
import org.auditmanager.organisation.Organisations;
import org.auditmanager.security.AuthenticatedUser;
import org.auditmanager.security.CamundaGroups;
import org.auditmanager.security.NewUser;
import org.auditmanager.security.Role;
import org.auditmanager.security.UserAccounts;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Engagements waiting at a sign-off step, with something to sign: an ISO engagement at its certification decision
 * after a Stage 2 audit with a report, findings and an evidence file; a SOC 2 engagement at its partner sign-off.
 * Earlier steps are skipped with the engine's process instance modification; the records they would have written
 * are inserted directly. Shared by the MockMvc tests and the browser test.
 */
public final class SignOffFixtures {

    public static final String ISO_REPORT = "Stage 2 audit of the cloud hosting platform: the ISMS is implemented; "
            + "one minor nonconformity on supplier reviews.";
    public static final String MINOR_FINDING = "Supplier security reviews were not performed for two suppliers.";
    public static final String EVIDENCE_CONTENT = "Supplier review procedure, version 4";

    private final ProcessEngine engine;
    private final Engagements engagements;
    private final Organisations organisations;
    private final EvidenceRequests evidenceRequests;
    private final EvidenceFiles evidenceFiles;
    private final UserAccounts accounts;
    private final JdbcClient jdbc;

    public SignOffFixtures(ApplicationContext context) {
        this.engine = context.getBean(ProcessEngine.class);
        this.engagements = context.getBean(Engagements.class);
        this.organisations = context.getBean(Organisations.class);
        this.evidenceRequests = context.getBean(EvidenceRequests.class);
        this.evidenceFiles = context.getBean(EvidenceFiles.class);
        this.accounts = context.getBean(UserAccounts.class);
        this.jdbc = context.getBean(JdbcClient.class);
    }

    public AuthenticatedUser user(String username) {
        return (AuthenticatedUser) accounts.loadUserByUsername(username);
    }

    /** A second, impartial reviewer (Rex) and an auditor who is also a reviewer (Ivy), once per context. */
    public void extraReviewers() {
        if (!accounts.exists("rex")) {
            accounts.create(new NewUser("rex", "Rex Reviewer", "rex@auditfirm.example", "rex", Set.of(Role.REVIEWER),
                    null));
        }
        if (!accounts.exists("ivy")) {
            accounts.create(new NewUser("ivy", "Ivy Insider", "ivy@auditfirm.example", "ivy",
                    Set.of(Role.AUDITOR, Role.REVIEWER), null));
        }
    }

    /**
     * Acme's ISO engagement at its certification decision. Rita Reviewer is the decision maker but was on the
     * Stage 2 team (so she is refused); Rex Reviewer is a second, impartial decision maker.
     */
    public Engagement isoAtCertificationDecision(String title) {
        extraReviewers();
        Engagement engagement = engagements.create(new NewEngagement(acme(), Framework.ISO27001,
                EngagementKind.CERTIFICATION_CYCLE, title, "Cloud hosting platform", "lead", List.of("auditor"),
                "reviewer", null, null, null, null, null), user("manager"));
        jdbc.sql("""
                        insert into iso_programme (engagement_id, persons_in_scope, sites, scope_statement,
                            initial_audit_days, stage1_audit_days, stage2_audit_days, surveillance_audit_days,
                            recertification_audit_days, recorded_at)
                        values (:id, 120, 'London', 'Cloud hosting platform', 12, 4, 8, 4, 8, :at)""")
                .param("id", engagement.id()).param("at", java.sql.Timestamp.from(Instant.now())).update();
        UUID audit = UUID.randomUUID();
        jdbc.sql("""
                        insert into iso_audit (id, engagement_id, cycle_no, audit_type, status, actual_start, actual_end,
                            report, opened_at)
                        values (:id, :engagement, 1, 'STAGE2', 'REPORTED', :start, :end, :report, :opened)""")
                .param("id", audit).param("engagement", engagement.id())
                .param("start", LocalDate.now().minusDays(6)).param("end", LocalDate.now().minusDays(4))
                .param("report", ISO_REPORT).param("opened", java.sql.Timestamp.from(Instant.now())).update();
        jdbc.sql("insert into iso_audit_member (audit_id, username) values (:id, 'lead'), (:id, 'reviewer')")
                .param("id", audit).update();
        jdbc.sql("""
                        insert into iso_finding (id, audit_id, engagement_id, category, clause, description, status,
                            due_date)
                        values (:id, :audit, :engagement, 'MINOR_NC', 'A.5.22', :description, 'OPEN', :due)""")
                .param("id", UUID.randomUUID()).param("audit", audit).param("engagement", engagement.id())
                .param("description", MINOR_FINDING).param("due", LocalDate.now().plusDays(60)).update();
        jdbc.sql("insert into engagement_member (engagement_id, username, team_role) values (:id, 'rex', 'DECISION_MAKER')")
                .param("id", engagement.id()).update();
        evidenceFile(engagement);

        engine.getRuntimeService().deleteProcessInstance(engagement.processInstanceId(), "fixture starts at the decision");
        Map<String, Object> variables = new HashMap<>(Map.of("engagementId", engagement.id().toString(),
                "clientGroup", CamundaGroups.organisationGroup(engagement.organisationId()),
                "leadAuditor", "lead", "cycleNo", 1, "decisionMaker", "reviewer",
                "stage2AuditId", audit.toString()));
        String instance = engine.getRuntimeService().createProcessInstanceByKey("iso27001-certification-cycle")
                .businessKey(engagement.reference()).setVariables(variables)
                .startBeforeActivity("CertificationDecision").execute().getId();
        jdbc.sql("update engagement set process_instance_id = :pi where id = :id")
                .param("pi", instance).param("id", engagement.id()).update();
        return engagements.find(engagement.id()).orElseThrow();
    }

    /**
     * Acme's SOC 2 Type I engagement at its partner sign-off, Rita Reviewer designated as quality reviewer and Ivy
     * Insider on the audit team.
     */
    public Engagement soc2AtPartnerSignOff(String title) {
        extraReviewers();
        Engagement engagement = engagements.create(new NewEngagement(acme(), Framework.SOC2, EngagementKind.TYPE_I,
                title, "Acme payments platform", "lead", List.of("ivy"), null, "reviewer",
                LocalDate.now().plusMonths(1), null, null, Set.of("Security")), user("manager"));
        engine.getRuntimeService().createProcessInstanceModification(engagement.processInstanceId())
                .cancelAllForActivity("Kickoff").startBeforeActivity("PartnerSignOff").execute();
        jdbc.sql("update soc2_examination set draft_report_reference = 'SOC2-T1-draft-1' where engagement_id = :id")
                .param("id", engagement.id()).update();
        control(engagement, 1, "CC6.1-01", "Access is reviewed quarterly", "EXCEPTION",
                "One quarterly review was not evidenced");
        control(engagement, 2, "CC7.2-01", "Security events are monitored", null, null);
        return engagement;
    }

    private void control(Engagement engagement, int position, String reference, String description,
                         String designResult, String designFlag) {
        jdbc.sql("""
                        insert into soc2_control (id, engagement_id, position, reference, description, frequency,
                            criteria, design_result, design_flag)
                        values (:id, :engagement, :position, :reference, :description, 'QUARTERLY', 'CC6.1',
                            :result, :flag)""")
                .param("id", UUID.randomUUID()).param("engagement", engagement.id()).param("position", position)
                .param("reference", reference).param("description", description).param("result", designResult)
                .param("flag", designFlag).update();
    }

    public EvidenceFile evidenceFile(Engagement engagement) {
        AuthenticatedUser lead = user("lead");
        EvidenceRequest request = evidenceRequests.create(engagement.id(), new NewEvidenceRequest(
                "Supplier review procedure", "The approved procedure", List.of("A.5.22"), null,
                LocalDate.now().plusDays(20), null, null, LocalDate.now()), lead);
        evidenceRequests.share(List.of(request.id()), lead);
        return evidenceFiles.upload(request.id(), "supplier-reviews.txt", LocalDate.now(),
                new ByteArrayInputStream(EVIDENCE_CONTENT.getBytes(StandardCharsets.UTF_8)), user("acme"));
    }

    /** The open task of the engagement with this key. */
    public Task task(Engagement engagement, String key) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(engagement.reference())
                .taskDefinitionKey(key).singleResult();
    }

    private UUID acme() {
        return organisations.findByName("Acme Cloud Ltd").orElseThrow().id();
    }
}
