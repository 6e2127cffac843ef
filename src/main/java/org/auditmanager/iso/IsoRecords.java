package org.auditmanager.iso;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Repository;

/** The cycle's own tables (V30), and the engagement's milestones as the processes recorded them. */
@Repository
class IsoRecords {

    record AuditRow(UUID id, UUID engagementId, int cycleNo, AuditType type, String status,
                    @Nullable LocalDate plannedStart, @Nullable LocalDate plannedEnd,
                    @Nullable LocalDate actualStart, @Nullable LocalDate actualEnd, @Nullable String recommendation) {
    }

    record FindingRow(UUID id, UUID auditId, UUID engagementId, FindingCategory category, @Nullable String clause,
                      String description, String status, @Nullable LocalDate dueDate, @Nullable LocalDate limitDate) {
    }

    record CertificateRow(UUID id, UUID engagementId, String number, int cycleNo, LocalDate issueDate,
                          LocalDate expiry, String scopeStatement, String soaVersion, boolean restoredAfterLapse,
                          CertificateStatus status, LocalDate statusSince, @Nullable String statusReason) {

        CertificationStatus.Certificate asCertificate() {
            return new CertificationStatus.Certificate(number, cycleNo, issueDate, expiry, scopeStatement, soaVersion,
                    restoredAfterLapse, status, statusSince, statusReason);
        }
    }

    private final JdbcClient jdbc;

    IsoRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // programme

    void saveProgramme(UUID engagementId, int persons, String sites, String scope, @Nullable LocalDate consultancyEnded,
                       AuditDays days, Instant now) {
        jdbc.sql("delete from iso_programme where engagement_id = :id").param("id", engagementId).update();
        jdbc.sql("""
                        insert into iso_programme (engagement_id, persons_in_scope, sites, scope_statement,
                            consultancy_ended_on, initial_audit_days, stage1_audit_days, stage2_audit_days,
                            surveillance_audit_days, recertification_audit_days, recorded_at)
                        values (:id, :persons, :sites, :scope, :consultancy, :initial, :stage1, :stage2,
                            :surveillance, :recertification, :now)""")
                .param("id", engagementId).param("persons", persons).param("sites", sites).param("scope", scope)
                .param("consultancy", consultancyEnded).param("initial", days.initial())
                .param("stage1", days.stage1()).param("stage2", days.stage2())
                .param("surveillance", days.surveillance()).param("recertification", days.recertification())
                .param("now", Timestamp.from(now)).update();
    }

    Optional<Programme> programme(UUID engagementId) {
        return jdbc.sql("select * from iso_programme where engagement_id = :id").param("id", engagementId)
                .query((rs, n) -> new Programme(rs.getInt("persons_in_scope"), rs.getString("sites"),
                        rs.getString("scope_statement"), rs.getObject("consultancy_ended_on", LocalDate.class),
                        new Programme.Days(rs.getBigDecimal("initial_audit_days"),
                                rs.getBigDecimal("stage1_audit_days"), rs.getBigDecimal("stage2_audit_days"),
                                rs.getBigDecimal("surveillance_audit_days"),
                                rs.getBigDecimal("recertification_audit_days"))))
                .optional();
    }

    // audits

    void insertAudit(UUID id, UUID engagementId, int cycleNo, AuditType type, Instant now) {
        jdbc.sql("""
                        insert into iso_audit (id, engagement_id, cycle_no, audit_type, status, opened_at)
                        values (:id, :engagement, :cycle, :type, 'PLANNING', :now)""")
                .param("id", id).param("engagement", engagementId).param("cycle", cycleNo)
                .param("type", type.name()).param("now", Timestamp.from(now)).update();
    }

    void planAudit(UUID auditId, LocalDate start, LocalDate end, String plan, Collection<String> team) {
        jdbc.sql("""
                        update iso_audit set planned_start = :start, planned_end = :end, audit_plan = :plan,
                            status = 'PLANNED' where id = :id""")
                .param("start", start).param("end", end).param("plan", plan).param("id", auditId).update();
        jdbc.sql("delete from iso_audit_member where audit_id = :id").param("id", auditId).update();
        team.forEach(member -> jdbc.sql("insert into iso_audit_member (audit_id, username) values (:id, :member)")
                .param("id", auditId).param("member", member).update());
    }

    void recordEvidence(UUID auditId, String summary) {
        jdbc.sql("update iso_audit set evidence_summary = :summary where id = :id")
                .param("summary", summary).param("id", auditId).update();
    }

    void recordFieldwork(UUID auditId, LocalDate start, LocalDate end) {
        jdbc.sql("update iso_audit set actual_start = :start, actual_end = :end, status = 'HELD' where id = :id")
                .param("start", start).param("end", end).param("id", auditId).update();
    }

    void recordReport(UUID auditId, String report) {
        jdbc.sql("update iso_audit set report = :report where id = :id")
                .param("report", report).param("id", auditId).update();
    }

    void signOff(UUID auditId, String recommendation, String by, LocalDate on) {
        jdbc.sql("""
                        update iso_audit set recommendation = :recommendation, signed_off_by = :by,
                            signed_off_on = :on, status = 'SIGNED_OFF' where id = :id""")
                .param("recommendation", recommendation).param("by", by).param("on", on).param("id", auditId)
                .update();
    }

    AuditRow audit(UUID auditId) {
        return jdbc.sql("select * from iso_audit where id = :id").param("id", auditId)
                .query(IsoRecords::audit).single();
    }

    /** The most recently held audit of a type, by its last day. */
    Optional<AuditRow> lastHeld(UUID engagementId, AuditType type) {
        return jdbc.sql("""
                        select * from iso_audit where engagement_id = :id and audit_type = :type
                            and actual_end is not null order by actual_end desc, opened_at desc""")
                .param("id", engagementId).param("type", type.name())
                .query(IsoRecords::audit).list().stream().findFirst();
    }

    List<AuditRow> audits(UUID engagementId) {
        return jdbc.sql("select * from iso_audit where engagement_id = :id order by opened_at")
                .param("id", engagementId).query(IsoRecords::audit).list();
    }

    /** Everyone who audited this engagement: its audit team and every audit's named team. */
    Set<String> auditors(UUID engagementId) {
        Set<String> auditors = new LinkedHashSet<>(jdbc.sql("""
                        select username from engagement_member
                        where engagement_id = :id and team_role in ('LEAD_AUDITOR', 'AUDITOR')""")
                .param("id", engagementId).query(String.class).list());
        auditors.addAll(jdbc.sql("""
                        select m.username from iso_audit_member m join iso_audit a on a.id = m.audit_id
                        where a.engagement_id = :id""")
                .param("id", engagementId).query(String.class).list());
        return auditors;
    }

    /** The engagement's designated certification decision maker, if one was named. */
    Optional<String> decisionMaker(UUID engagementId) {
        return jdbc.sql("""
                        select username from engagement_member
                        where engagement_id = :id and team_role = 'DECISION_MAKER'""")
                .param("id", engagementId).query(String.class).list().stream().findFirst();
    }

    // findings

    void insertFinding(UUID id, UUID auditId, UUID engagementId, FindingCategory category, @Nullable String clause,
                       String description, @Nullable LocalDate due, @Nullable LocalDate limit) {
        jdbc.sql("""
                        insert into iso_finding (id, audit_id, engagement_id, category, clause, description, status,
                            due_date, limit_date)
                        values (:id, :audit, :engagement, :category, :clause, :description, :status, :due, :limit)""")
                .param("id", id).param("audit", auditId).param("engagement", engagementId)
                .param("category", category.name()).param("clause", clause).param("description", description)
                .param("status", category.isNonconformity() ? "OPEN" : "RECORDED")
                .param("due", due).param("limit", limit).update();
    }

    void deleteFindings(UUID auditId) {
        jdbc.sql("delete from iso_finding where audit_id = :id").param("id", auditId).update();
    }

    FindingRow finding(UUID findingId) {
        return jdbc.sql("select * from iso_finding where id = :id").param("id", findingId)
                .query(IsoRecords::finding).single();
    }

    List<FindingRow> findings(UUID auditId) {
        return jdbc.sql("select * from iso_finding where audit_id = :id order by category, clause")
                .param("id", auditId).query(IsoRecords::finding).list();
    }

    void recordResponse(UUID findingId, String correction, String rootCause, String action,
                        @Nullable String evidence) {
        jdbc.sql("""
                        update iso_finding set correction = :correction, root_cause = :cause,
                            corrective_action = :action, implementation_evidence = :evidence, status = 'RESPONDED'
                        where id = :id""")
                .param("correction", correction).param("cause", rootCause).param("action", action)
                .param("evidence", evidence).param("id", findingId).update();
    }

    void reviewFinding(UUID findingId, String status, @Nullable String comment, @Nullable LocalDate closedOn) {
        jdbc.sql("""
                        update iso_finding set status = :status, review_comment = coalesce(:comment, review_comment),
                            closed_on = :closed where id = :id""")
                .param("status", status).param("comment", comment).param("closed", closedOn).param("id", findingId)
                .update();
    }

    boolean anyLapsed(UUID auditId) {
        return jdbc.sql("select count(*) from iso_finding where audit_id = :id and status = 'LAPSED'")
                .param("id", auditId).query(Integer.class).single() > 0;
    }

    // certificates

    void insertCertificate(UUID id, UUID engagementId, String number, int cycleNo, CertificateTerm term,
                           String scope, String soaVersion, Instant now) {
        jdbc.sql("""
                        insert into iso_certificate (id, engagement_id, certificate_number, cycle_no, issue_date,
                            expiry_date, scope_statement, soa_version, restored_after_lapse, status, status_since,
                            created_at)
                        values (:id, :engagement, :number, :cycle, :issued, :expiry, :scope, :soa, :restored,
                            'ACTIVE', :issued, :now)""")
                .param("id", id).param("engagement", engagementId).param("number", number).param("cycle", cycleNo)
                .param("issued", term.effectiveFrom()).param("expiry", term.expiry()).param("scope", scope)
                .param("soa", soaVersion).param("restored", term.restoredAfterLapse())
                .param("now", Timestamp.from(now)).update();
    }

    Optional<CertificateRow> currentCertificate(UUID engagementId) {
        return jdbc.sql("""
                        select * from iso_certificate where engagement_id = :id
                        order by issue_date desc, created_at desc""")
                .param("id", engagementId).query(IsoRecords::certificate).list().stream().findFirst();
    }

    void certificateStatus(UUID certificateId, CertificateStatus status, LocalDate since, String reason) {
        jdbc.sql("""
                        update iso_certificate set status = :status, status_since = :since, status_reason = :reason
                        where id = :id""")
                .param("status", status.name()).param("since", since).param("reason", reason)
                .param("id", certificateId).update();
    }

    void certificateScope(UUID certificateId, String scope) {
        jdbc.sql("update iso_certificate set scope_statement = :scope where id = :id")
                .param("scope", scope).param("id", certificateId).update();
    }

    // decisions and events

    void insertDecision(UUID engagementId, @Nullable UUID auditId, String kind, String outcome,
                        @Nullable String reason, String by, LocalDate on) {
        jdbc.sql("""
                        insert into iso_decision (id, engagement_id, audit_id, kind, outcome, reason, decided_by,
                            decided_on)
                        values (:id, :engagement, :audit, :kind, :outcome, :reason, :by, :on)""")
                .param("id", UUID.randomUUID()).param("engagement", engagementId).param("audit", auditId)
                .param("kind", kind).param("outcome", outcome).param("reason", reason).param("by", by)
                .param("on", on).update();
    }

    List<Decision> decisions(UUID engagementId) {
        return jdbc.sql("""
                        select kind, outcome, reason, decided_by, decided_on from iso_decision
                        where engagement_id = :id order by decided_on, kind""")
                .param("id", engagementId)
                .query((rs, n) -> new Decision(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class)))
                .list();
    }

    void insertEvent(UUID engagementId, String type, String reason, String by, Instant at) {
        jdbc.sql("""
                        insert into iso_event (id, engagement_id, event_type, reason, raised_by, raised_at)
                        values (:id, :engagement, :type, :reason, :by, :at)""")
                .param("id", UUID.randomUUID()).param("engagement", engagementId).param("type", type)
                .param("reason", reason).param("by", by).param("at", Timestamp.from(at)).update();
    }

    /** The reason given with the latest event of a type, for the process step that acts on it. */
    Optional<String> latestEventReason(UUID engagementId, String type) {
        return jdbc.sql("""
                        select reason from iso_event where engagement_id = :id and event_type = :type
                        order by raised_at desc""")
                .param("id", engagementId).param("type", type).query(String.class).list().stream().findFirst();
    }

    // milestones (table engagement_milestone, shared with the engagement's timeline)

    List<CertificationStatus.MilestoneDates> milestones(UUID engagementId) {
        return jdbc.sql("""
                        select milestone_key, label, planned_date, due_date, actual_date from engagement_milestone
                        where engagement_id = :id
                        order by coalesce(actual_date, due_date, planned_date), milestone_key""")
                .param("id", engagementId)
                .query((rs, n) -> new CertificationStatus.MilestoneDates(rs.getString(1), rs.getString(2),
                        rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class),
                        rs.getObject(5, LocalDate.class)))
                .list();
    }

    private static AuditRow audit(ResultSet rs, int row) throws SQLException {
        return new AuditRow(rs.getObject("id", UUID.class), rs.getObject("engagement_id", UUID.class),
                rs.getInt("cycle_no"), AuditType.valueOf(rs.getString("audit_type")), rs.getString("status"),
                rs.getObject("planned_start", LocalDate.class), rs.getObject("planned_end", LocalDate.class),
                rs.getObject("actual_start", LocalDate.class), rs.getObject("actual_end", LocalDate.class),
                rs.getString("recommendation"));
    }

    private static FindingRow finding(ResultSet rs, int row) throws SQLException {
        return new FindingRow(rs.getObject("id", UUID.class), rs.getObject("audit_id", UUID.class),
                rs.getObject("engagement_id", UUID.class), FindingCategory.valueOf(rs.getString("category")),
                rs.getString("clause"), rs.getString("description"), rs.getString("status"),
                rs.getObject("due_date", LocalDate.class), rs.getObject("limit_date", LocalDate.class));
    }

    private static CertificateRow certificate(ResultSet rs, int row) throws SQLException {
        return new CertificateRow(rs.getObject("id", UUID.class), rs.getObject("engagement_id", UUID.class),
                rs.getString("certificate_number"), rs.getInt("cycle_no"),
                rs.getObject("issue_date", LocalDate.class), rs.getObject("expiry_date", LocalDate.class),
                rs.getString("scope_statement"), rs.getString("soa_version"),
                rs.getBoolean("restored_after_lapse"), CertificateStatus.valueOf(rs.getString("status")),
                rs.getObject("status_since", LocalDate.class), rs.getString("status_reason"));
    }

    /** The audit programme as reviewed. */
    record Programme(int personsInScope, String sites, String scopeStatement, @Nullable LocalDate consultancyEndedOn,
                     Days auditDays) {

        record Days(BigDecimal initial, BigDecimal stage1, BigDecimal stage2, BigDecimal surveillance,
                    BigDecimal recertification) {
        }
    }

    record Decision(String kind, String outcome, String reason, String decidedBy, LocalDate decidedOn) {
    }
}
