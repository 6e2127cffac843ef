package org.auditmanager.engagement;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What has been done on an engagement: each completed task form, newest first. */
@Component
public class EngagementHistory {

    public record Entry(String taskName, String submittedBy, Instant submittedAt) {
    }

    private final JdbcClient jdbc;

    EngagementHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Entry> of(UUID engagementId) {
        return jdbc.sql("""
                        select s.task_name, coalesce(u.display_name, s.submitted_by), s.submitted_at
                        from task_submission s left join app_user u on u.username = s.submitted_by
                        where s.engagement_id = :id order by s.submitted_at desc""")
                .param("id", engagementId)
                .query((rs, n) -> new Entry(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .list();
    }
}
