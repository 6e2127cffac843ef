package org.auditmanager.soc2;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.auditmanager.engagement.EngagementKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class Soc2Repository {

    private static final String LIST_SEPARATOR = "\n";

    private final JdbcClient jdbc;

    Soc2Repository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insertExamination(UUID engagementId, ReportCoverage coverage, LocalDate reportDue) {
        jdbc.sql("""
                        insert into soc2_examination (engagement_id, kind, as_of_date, period_start, period_end,
                            engagement_letter_approved, matrix_confirmed, report_status, report_due, overdue_escalated)
                        values (:id, :kind, :asOf, :start, :end, false, false, :status, :due, false)""")
                .param("id", engagementId).param("kind", coverage.kind().name())
                .param("asOf", coverage.asOfDate()).param("start", coverage.periodStart())
                .param("end", coverage.periodEnd()).param("status", ReportStatus.NOT_STARTED.name())
                .param("due", reportDue).update();
    }

    /** Sets columns of the examination; column names come from code, never from input. */
    void update(UUID engagementId, Map<String, ?> columns) {
        String assignments = columns.keySet().stream().map(column -> column + " = :" + column)
                .collect(Collectors.joining(", "));
        jdbc.sql("update soc2_examination set " + assignments + " where engagement_id = :engagementId")
                .params(columns).param("engagementId", engagementId).update();
    }

    /** The examination as of {@code today}, which decides whether the report is overdue. */
    Optional<Soc2Examination> find(UUID engagementId, LocalDate today) {
        return jdbc.sql("select * from soc2_examination where engagement_id = :id").param("id", engagementId)
                .query((rs, n) -> examination(rs, today)).optional();
    }

    private Soc2Examination examination(ResultSet rs, LocalDate today) throws SQLException {
        UUID id = rs.getObject("engagement_id", UUID.class);
        String designers = rs.getString("readiness_designers");
        String categories = rs.getString("tsc_categories");
        LocalDate due = rs.getObject("report_due", LocalDate.class);
        ReportStatus status = ReportStatus.valueOf(rs.getString("report_status"));
        Soc2Report report = new Soc2Report(status, due, status != ReportStatus.ISSUED && today.isAfter(due),
                rs.getBoolean("overdue_escalated"), rs.getObject("report_date", LocalDate.class),
                rs.getString("report_reference"), opinion(rs.getString("proposed_opinion")),
                rs.getString("proposal_reason"), opinion(rs.getString("opinion")), milestones(id));
        return new Soc2Examination(id, EngagementKind.valueOf(rs.getString("kind")),
                rs.getObject("as_of_date", LocalDate.class), rs.getObject("period_start", LocalDate.class),
                rs.getObject("period_end", LocalDate.class),
                designers == null ? List.of() : List.of(designers.split(",")),
                rs.getString("independence_conflicts"), rs.getString("management_signatory"),
                rs.getString("engagement_letter_reference"),
                rs.getObject("engagement_letter_signed_on", LocalDate.class),
                rs.getBoolean("engagement_letter_approved"),
                categories == null ? Set.<String>of()
                        : Arrays.stream(categories.split(",")).collect(Collectors.toCollection(LinkedHashSet::new)),
                rs.getString("system_boundaries"), rs.getString("cuecs"), rs.getBoolean("matrix_confirmed"),
                rs.getString("readiness_findings"), rs.getString("opinion_rationale"),
                rs.getString("assertion_signatory"), rs.getObject("assertion_signed_on", LocalDate.class),
                rs.getString("system_description_reference"),
                rs.getObject("representation_letter_dated", LocalDate.class), rs.getString("draft_report_reference"),
                rs.getString("quality_reviewed_by"), rs.getString("partner_signed_by"),
                rs.getString("rollover_decided_by"), rs.getObject("rolled_over_from", UUID.class),
                rs.getObject("rolled_over_to", UUID.class), report, controls(id), subserviceOrganisations(id),
                bridgeLetters(id));
    }

    private static Opinion opinion(String value) {
        return value == null ? null : Opinion.valueOf(value);
    }

    // ---------------------------------------------------------------- control matrix

    void replaceControls(UUID engagementId, List<ControlDefinition> controls) {
        jdbc.sql("delete from soc2_control where engagement_id = :id").param("id", engagementId).update();
        for (int position = 0; position < controls.size(); position++) {
            ControlDefinition control = controls.get(position);
            jdbc.sql("""
                            insert into soc2_control (id, engagement_id, position, reference, description, frequency,
                                criteria)
                            values (:id, :engagementId, :position, :reference, :description, :frequency, :criteria)""")
                    .param("id", UUID.randomUUID()).param("engagementId", engagementId).param("position", position)
                    .param("reference", control.reference().strip()).param("description", control.description().strip())
                    .param("frequency", control.frequency().name())
                    .param("criteria", String.join(",", control.criteria().stream().map(String::strip).toList()))
                    .update();
        }
    }

    List<Soc2Control> controls(UUID engagementId) {
        return jdbc.sql("select * from soc2_control where engagement_id = :id order by position")
                .param("id", engagementId).query((rs, n) -> control(rs)).list().stream()
                .map(control -> control.withSamples(samples(control.id()))).toList();
    }

    Soc2Control control(UUID controlId) {
        Soc2Control control = jdbc.sql("select * from soc2_control where id = :id").param("id", controlId)
                .query((rs, n) -> control(rs)).single();
        return control.withSamples(samples(controlId));
    }

    UUID engagementOfControl(UUID controlId) {
        return jdbc.sql("select engagement_id from soc2_control where id = :id").param("id", controlId)
                .query(UUID.class).single();
    }

    void updateControl(UUID controlId, Map<String, ?> columns) {
        String assignments = columns.keySet().stream().map(column -> column + " = :" + column)
                .collect(Collectors.joining(", "));
        jdbc.sql("update soc2_control set " + assignments + " where id = :controlId")
                .params(columns).param("controlId", controlId).update();
    }

    private static Soc2Control control(ResultSet rs) throws SQLException {
        return new Soc2Control(rs.getObject("id", UUID.class), rs.getString("reference"), rs.getString("description"),
                ControlFrequency.valueOf(rs.getString("frequency")), List.of(rs.getString("criteria").split(",")),
                rs.getObject("population_size", Integer.class), rs.getString("population_source"),
                result(rs.getString("design_result")), rs.getString("design_evidence"),
                rs.getObject("design_date", LocalDate.class), rs.getString("design_flag"),
                rs.getObject("sample_seed", Long.class), rs.getObject("sample_size", Integer.class),
                result(rs.getString("test_result")), rs.getObject("deviations", Integer.class),
                rs.getString("test_notes"), rs.getString("management_response"), List.of());
    }

    private static TestResult result(String value) {
        return value == null ? null : TestResult.valueOf(value);
    }

    // ---------------------------------------------------------------- samples

    void insertSamples(UUID controlId, SampleSelection selection) {
        for (SampleItem item : selection.items()) {
            jdbc.sql("""
                            insert into soc2_sample (id, control_id, item_index, label, window_from, window_to)
                            values (:id, :controlId, :index, :label, :from, :to)""")
                    .param("id", UUID.randomUUID()).param("controlId", controlId).param("index", item.index())
                    .param("label", item.label()).param("from", item.from()).param("to", item.to()).update();
        }
        updateControl(controlId, Map.of("sample_seed", selection.seed(), "sample_size", selection.items().size()));
    }

    List<Soc2Sample> samples(UUID controlId) {
        return jdbc.sql("select * from soc2_sample where control_id = :id order by item_index")
                .param("id", controlId).query((rs, n) -> sample(rs)).list();
    }

    Soc2Sample sample(UUID sampleId) {
        return jdbc.sql("select * from soc2_sample where id = :id").param("id", sampleId)
                .query((rs, n) -> sample(rs)).single();
    }

    UUID controlOfSample(UUID sampleId) {
        return jdbc.sql("select control_id from soc2_sample where id = :id").param("id", sampleId)
                .query(UUID.class).single();
    }

    void recordEvidence(UUID sampleId, String reference, EvidenceDates dates, String flag) {
        jdbc.sql("""
                        update soc2_sample set evidence_reference = :reference, shown_from = :from, shown_to = :to,
                            collected_on = :collected, self_dated = :selfDated, freshness_flag = :flag
                        where id = :id""")
                .param("reference", reference).param("from", dates.shownFrom()).param("to", dates.shownTo())
                .param("collected", dates.collectedOn()).param("selfDated", dates.selfDated()).param("flag", flag)
                .param("id", sampleId).update();
    }

    private static Soc2Sample sample(ResultSet rs) throws SQLException {
        return new Soc2Sample(rs.getObject("id", UUID.class), rs.getInt("item_index"), rs.getString("label"),
                rs.getObject("window_from", LocalDate.class), rs.getObject("window_to", LocalDate.class),
                rs.getString("evidence_reference"), rs.getObject("shown_from", LocalDate.class),
                rs.getObject("shown_to", LocalDate.class), rs.getObject("collected_on", LocalDate.class),
                rs.getObject("self_dated", Boolean.class), rs.getString("freshness_flag"));
    }

    // ---------------------------------------------------------------- subservice organisations, bridge letters

    void replaceSubserviceOrganisations(UUID engagementId, List<SubserviceDefinition> organisations) {
        jdbc.sql("delete from soc2_subservice_organisation where engagement_id = :id").param("id", engagementId)
                .update();
        for (int position = 0; position < organisations.size(); position++) {
            SubserviceDefinition organisation = organisations.get(position);
            jdbc.sql("""
                            insert into soc2_subservice_organisation (id, engagement_id, position, name, method, csocs,
                                monitoring_described, written_assertion, audit_firm)
                            values (:id, :engagementId, :position, :name, :method, :csocs, :monitoring, :assertion,
                                :auditFirm)""")
                    .param("id", UUID.randomUUID()).param("engagementId", engagementId).param("position", position)
                    .param("name", organisation.name().strip()).param("method", organisation.method().name())
                    .param("csocs", organisation.csocs() == null || organisation.csocs().isEmpty() ? null
                            : String.join(LIST_SEPARATOR, organisation.csocs()))
                    .param("monitoring", organisation.monitoringDescribed())
                    .param("assertion", organisation.writtenAssertion())
                    .param("auditFirm", organisation.auditFirm()).update();
        }
    }

    List<SubserviceDefinition> subserviceOrganisations(UUID engagementId) {
        return jdbc.sql("select * from soc2_subservice_organisation where engagement_id = :id order by position")
                .param("id", engagementId)
                .query((rs, n) -> {
                    String csocs = rs.getString("csocs");
                    return new SubserviceDefinition(rs.getString("name"),
                            SubserviceMethod.valueOf(rs.getString("method")),
                            csocs == null ? List.of() : List.of(csocs.split(LIST_SEPARATOR)),
                            rs.getBoolean("monitoring_described"), rs.getBoolean("written_assertion"),
                            rs.getBoolean("audit_firm"));
                }).list();
    }

    void insertBridgeLetter(UUID engagementId, BridgeLetterCover cover, String materialChanges, String signatory,
                            LocalDate signedOn) {
        jdbc.sql("""
                        insert into soc2_bridge_letter (id, engagement_id, cover_from, cover_to, material_changes,
                            signatory, signed_on)
                        values (:id, :engagementId, :from, :to, :changes, :signatory, :signedOn)""")
                .param("id", UUID.randomUUID()).param("engagementId", engagementId).param("from", cover.from())
                .param("to", cover.to()).param("changes", materialChanges).param("signatory", signatory)
                .param("signedOn", signedOn).update();
    }

    List<BridgeLetter> bridgeLetters(UUID engagementId) {
        return jdbc.sql("select * from soc2_bridge_letter where engagement_id = :id order by cover_to")
                .param("id", engagementId)
                .query((rs, n) -> new BridgeLetter(rs.getObject("id", UUID.class),
                        rs.getObject("cover_from", LocalDate.class), rs.getObject("cover_to", LocalDate.class),
                        rs.getString("material_changes"), rs.getString("signatory"),
                        rs.getObject("signed_on", LocalDate.class))).list();
    }

    // ---------------------------------------------------------------- milestones (engagement_milestone)

    void planMilestone(UUID engagementId, String key, String label, LocalDate planned, LocalDate due) {
        jdbc.sql("""
                        insert into engagement_milestone (engagement_id, milestone_key, label, planned_date, due_date)
                        values (:id, :key, :label, :planned, :due)""")
                .param("id", engagementId).param("key", key).param("label", label).param("planned", planned)
                .param("due", due).update();
    }

    void reachMilestone(UUID engagementId, String key, LocalDate actual) {
        jdbc.sql("""
                        update engagement_milestone set actual_date = :actual
                        where engagement_id = :id and milestone_key = :key""")
                .param("actual", actual).param("id", engagementId).param("key", key).update();
    }

    /** A date-driven milestone (a period boundary, a timer) happens on its planned day. */
    void reachPlannedMilestone(UUID engagementId, String key) {
        jdbc.sql("""
                        update engagement_milestone set actual_date = planned_date
                        where engagement_id = :id and milestone_key = :key""")
                .param("id", engagementId).param("key", key).update();
    }

    List<Soc2Milestone> milestones(UUID engagementId) {
        return jdbc.sql("""
                        select milestone_key, label, planned_date, due_date, actual_date from engagement_milestone
                        where engagement_id = :id order by coalesce(planned_date, due_date), milestone_key""")
                .param("id", engagementId)
                .query((rs, n) -> new Soc2Milestone(rs.getString(1), rs.getString(2),
                        rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class),
                        rs.getObject(5, LocalDate.class))).list();
    }
}
