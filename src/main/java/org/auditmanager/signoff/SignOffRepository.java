package org.auditmanager.signoff;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The signoff table (V80): rows are inserted and read, never updated or deleted. */
@Repository
class SignOffRepository {

    private final JdbcClient jdbc;

    SignOffRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(SignOff signOff, String processInstanceId) {
        jdbc.sql("""
                        insert into signoff (id, engagement_id, process_instance_id, task_id, task_key, task_name,
                            version, decision, outcome, comment, signed_by, signer_display_name, typed_name,
                            summary_json, summary_sha256, signed_at)
                        values (:id, :engagementId, :processInstanceId, :taskId, :taskKey, :taskName, :version,
                            :decision, :outcome, :comment, :signedBy, :displayName, :typedName, :summaryJson,
                            :summarySha256, :signedAt)""")
                .param("id", signOff.id())
                .param("engagementId", signOff.engagementId())
                .param("processInstanceId", processInstanceId)
                .param("taskId", signOff.taskId())
                .param("taskKey", signOff.taskKey())
                .param("taskName", signOff.taskName())
                .param("version", signOff.version())
                .param("decision", signOff.decision().name())
                .param("outcome", signOff.outcome())
                .param("comment", signOff.comment())
                .param("signedBy", signOff.signedBy())
                .param("displayName", signOff.signerDisplayName())
                .param("typedName", signOff.typedName())
                .param("summaryJson", signOff.summaryJson())
                .param("summarySha256", signOff.summarySha256())
                .param("signedAt", Timestamp.from(signOff.signedAt()))
                .update();
    }

    /** The next version of a step's sign-off in one process instance: 1, or one more than the last. */
    int nextVersion(UUID engagementId, String processInstanceId, String taskKey) {
        return jdbc.sql("""
                        select coalesce(max(version), 0) + 1 from signoff
                        where engagement_id = :engagementId and process_instance_id = :pi and task_key = :taskKey""")
                .param("engagementId", engagementId).param("pi", processInstanceId).param("taskKey", taskKey)
                .query(Integer.class).single();
    }

    /** Earlier sign-offs of the same step in the same process instance, latest first. */
    List<SignOff> ofStep(UUID engagementId, String processInstanceId, String taskKey) {
        return jdbc.sql("""
                        select * from signoff
                        where engagement_id = :engagementId and process_instance_id = :pi and task_key = :taskKey
                        order by version desc""")
                .param("engagementId", engagementId).param("pi", processInstanceId).param("taskKey", taskKey)
                .query(SignOffRepository::signOff).list();
    }

    /** An engagement's sign-offs, latest first. */
    List<SignOff> ofEngagement(UUID engagementId, int limit, int offset) {
        return jdbc.sql("""
                        select * from signoff where engagement_id = :engagementId
                        order by signed_at desc, task_key, version desc limit :limit offset :offset""")
                .param("engagementId", engagementId).param("limit", limit).param("offset", offset)
                .query(SignOffRepository::signOff).list();
    }

    long countOfEngagement(UUID engagementId) {
        return jdbc.sql("select count(*) from signoff where engagement_id = :engagementId")
                .param("engagementId", engagementId).query(Long.class).single();
    }

    private static SignOff signOff(ResultSet rs, int row) throws SQLException {
        return new SignOff(rs.getObject("id", UUID.class), rs.getObject("engagement_id", UUID.class),
                rs.getString("task_id"), rs.getString("task_key"), rs.getString("task_name"), rs.getInt("version"),
                SignOffDecision.valueOf(rs.getString("decision")), rs.getString("outcome"), rs.getString("comment"),
                rs.getString("signed_by"), rs.getString("signer_display_name"), rs.getString("typed_name"),
                rs.getString("summary_json"), rs.getString("summary_sha256"),
                rs.getTimestamp("signed_at").toInstant());
    }
}
