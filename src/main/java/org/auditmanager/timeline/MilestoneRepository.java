package org.auditmanager.timeline;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class MilestoneRepository {

    private final JdbcClient jdbc;

    MilestoneRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<RecordedMilestone> of(UUID engagementId) {
        return jdbc.sql("select * from engagement_milestone where engagement_id = :id")
                .param("id", engagementId).query(MilestoneRepository::map).list();
    }

    List<RecordedMilestone> of(Collection<UUID> engagementIds) {
        if (engagementIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from engagement_milestone where engagement_id in (:ids)")
                .param("ids", engagementIds).query(MilestoneRepository::map).list();
    }

    /** Read for update: a second recorder of the same milestone waits until this transaction ends. */
    Optional<RecordedMilestone> lock(UUID engagementId, String key) {
        return jdbc.sql("select * from engagement_milestone where engagement_id = :id and milestone_key = :key for update")
                .param("id", engagementId).param("key", key).query(MilestoneRepository::map).optional();
    }

    void insert(RecordedMilestone milestone) {
        jdbc.sql("""
                        insert into engagement_milestone (engagement_id, milestone_key, label, planned_date, due_date,
                            actual_date)
                        values (:id, :key, :label, :planned, :due, :actual)""")
                .param("id", milestone.engagementId()).param("key", milestone.key())
                .param("label", milestone.label()).param("planned", milestone.plannedDate())
                .param("due", milestone.dueDate()).param("actual", milestone.actualDate())
                .update();
    }

    void update(RecordedMilestone milestone) {
        jdbc.sql("""
                        update engagement_milestone set label = :label, planned_date = :planned, due_date = :due,
                            actual_date = :actual
                        where engagement_id = :id and milestone_key = :key""")
                .param("id", milestone.engagementId()).param("key", milestone.key())
                .param("label", milestone.label()).param("planned", milestone.plannedDate())
                .param("due", milestone.dueDate()).param("actual", milestone.actualDate())
                .update();
    }

    int delete(UUID engagementId, String key) {
        return jdbc.sql("delete from engagement_milestone where engagement_id = :id and milestone_key = :key")
                .param("id", engagementId).param("key", key).update();
    }

    /** The organisation of an engagement, for the audit trail; empty for an unknown engagement. */
    Optional<UUID> organisationOf(UUID engagementId) {
        return jdbc.sql("select organisation_id from engagement where id = :id")
                .param("id", engagementId).query(UUID.class).optional();
    }

    private static RecordedMilestone map(ResultSet rs, int row) throws SQLException {
        return new RecordedMilestone(rs.getObject("engagement_id", UUID.class), rs.getString("milestone_key"),
                rs.getString("label"), rs.getObject("planned_date", LocalDate.class),
                rs.getObject("due_date", LocalDate.class), rs.getObject("actual_date", LocalDate.class));
    }
}
