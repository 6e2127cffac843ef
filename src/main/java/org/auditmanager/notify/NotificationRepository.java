package org.auditmanager.notify;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class NotificationRepository {

    private final JdbcClient jdbc;

    NotificationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean wasSent(String recipient, String kind, String subjectId, LocalDate dueDate) {
        return jdbc.sql("""
                        select count(*) from sent_notification
                        where recipient = :recipient and kind = :kind and subject_id = :subject and due_date = :due""")
                .param("recipient", recipient).param("kind", kind).param("subject", subjectId).param("due", dueDate)
                .query(Integer.class).single() > 0;
    }

    /** Fails with a duplicate key when another sender recorded the same notice first. */
    void recordSent(String recipient, String kind, String subjectId, LocalDate dueDate, UUID engagementId,
                    Instant now) {
        jdbc.sql("""
                        insert into sent_notification (id, recipient, kind, subject_id, due_date, engagement_id, sent_at)
                        values (:id, :recipient, :kind, :subject, :due, :engagement, :now)""")
                .param("id", UUID.randomUUID()).param("recipient", recipient).param("kind", kind)
                .param("subject", subjectId).param("due", dueDate).param("engagement", engagementId)
                .param("now", Timestamp.from(now))
                .update();
    }

    Optional<Boolean> dailyDigest(String username) {
        return jdbc.sql("select daily_digest from notification_preference where username = :username")
                .param("username", username).query(Boolean.class).optional();
    }

    List<String> digestSubscribers() {
        return jdbc.sql("select username from notification_preference where daily_digest = true order by username")
                .query(String.class).list();
    }

    void saveDailyDigest(String username, boolean dailyDigest, Instant now) {
        int updated = jdbc.sql("""
                        update notification_preference set daily_digest = :digest, updated_at = :now
                        where username = :username""")
                .param("digest", dailyDigest).param("now", Timestamp.from(now)).param("username", username).update();
        if (updated == 0) {
            jdbc.sql("""
                            insert into notification_preference (username, daily_digest, updated_at)
                            values (:username, :digest, :now)""")
                    .param("username", username).param("digest", dailyDigest).param("now", Timestamp.from(now))
                    .update();
        }
    }

    /** Who created an engagement: engagements are created by managers, so the first one to escalate to. */
    Optional<String> engagementCreator(UUID engagementId) {
        return jdbc.sql("select created_by from engagement where id = :id")
                .param("id", engagementId).query(String.class).optional();
    }
}
