package org.auditmanager.exports;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads for the exports that no feature serves yet. */
@Repository
class ExportRepository {

    record Milestone(String label, LocalDate planned, LocalDate due, LocalDate reached) {
    }

    private final JdbcClient jdbc;

    ExportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The engagement's key dates (engagement_milestone), earliest first; undated ones last. */
    List<Milestone> milestones(UUID engagementId) {
        return jdbc.sql("""
                        select label, planned_date, due_date, actual_date from engagement_milestone
                        where engagement_id = :id
                        order by coalesce(due_date, planned_date, actual_date) nulls last, label""")
                .param("id", engagementId)
                .query((rs, n) -> new Milestone(rs.getString(1), rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class)))
                .list();
    }
}
