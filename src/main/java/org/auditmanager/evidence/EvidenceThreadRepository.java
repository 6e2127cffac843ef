package org.auditmanager.evidence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class EvidenceThreadRepository {

    private final JdbcClient jdbc;

    EvidenceThreadRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    ThreadEntry add(UUID requestId, ThreadEntry.Kind kind, String author, String body, Instant now) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into evidence_thread_entry (id, request_id, kind, author, body, created_at)
                        values (:id, :request, :kind, :author, :body, :now)""")
                .param("id", id).param("request", requestId).param("kind", kind.name()).param("author", author)
                .param("body", body == null || body.isBlank() ? null : body.strip())
                .param("now", Timestamp.from(now))
                .update();
        return of(requestId).stream().filter(entry -> entry.id().equals(id)).findFirst().orElseThrow();
    }

    /** Oldest first, as a conversation reads. */
    List<ThreadEntry> of(UUID requestId) {
        return jdbc.sql("""
                        select t.id, t.kind, t.author, u.display_name, t.body, t.created_at
                        from evidence_thread_entry t left join app_user u on u.username = t.author
                        where t.request_id = :request order by t.created_at, t.id""")
                .param("request", requestId)
                .query((rs, n) -> new ThreadEntry(rs.getObject(1, UUID.class), ThreadEntry.Kind.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant()))
                .list();
    }
}
