package org.auditmanager.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class TrailRepository {

    record Head(long lastSeq, String lastHash) {
    }

    private final JdbcClient jdbc;

    TrailRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the head row until the transaction ends and returns it with the next sequence number reserved. */
    Head lockHead() {
        jdbc.sql("update audit_trail_head set last_seq = last_seq + 1 where id = 1").update();
        return jdbc.sql("select last_seq, last_hash from audit_trail_head where id = 1")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
    }

    void append(TrailEntry entry) {
        jdbc.sql("""
                        insert into audit_trail (seq, id, occurred_at, actor, actor_ip, engagement_id, organisation_id,
                            entity_type, entity_id, action, before_json, after_json, previous_hash, entry_hash)
                        values (:seq, :id, :at, :actor, :ip, :engagement, :organisation, :type, :entityId, :action,
                            :before, :after, :previous, :hash)""")
                .param("seq", entry.seq())
                .param("id", entry.id())
                .param("at", Timestamp.from(entry.occurredAt()))
                .param("actor", entry.actor())
                .param("ip", entry.actorIp())
                .param("engagement", entry.engagementId())
                .param("organisation", entry.organisationId())
                .param("type", entry.entityType())
                .param("entityId", entry.entityId())
                .param("action", entry.action())
                .param("before", entry.beforeJson())
                .param("after", entry.afterJson())
                .param("previous", entry.previousHash())
                .param("hash", entry.entryHash())
                .update();
        jdbc.sql("update audit_trail_head set last_hash = :hash where id = 1").param("hash", entry.entryHash()).update();
    }

    List<TrailEntry> after(long seq, int limit) {
        return jdbc.sql("select * from audit_trail where seq > :seq order by seq limit :limit")
                .param("seq", seq).param("limit", limit).query(TrailRepository::map).list();
    }

    Head head() {
        return jdbc.sql("select last_seq, last_hash from audit_trail_head where id = 1")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
    }

    List<TrailEntry> ofEngagement(UUID engagementId, TrailFilter filter, int limit, int offset) {
        return jdbc.sql("select * from audit_trail where engagement_id = :id" + filter.predicate()
                        + " order by seq desc limit :limit offset :offset")
                .param("id", engagementId).params(filter.parameters())
                .param("limit", limit).param("offset", offset)
                .query(TrailRepository::map).list();
    }

    long countOfEngagement(UUID engagementId, TrailFilter filter) {
        return jdbc.sql("select count(*) from audit_trail where engagement_id = :id" + filter.predicate())
                .param("id", engagementId).params(filter.parameters()).query(Long.class).single();
    }

    List<String> actionsOfEngagement(UUID engagementId) {
        return jdbc.sql("select distinct action from audit_trail where engagement_id = :id order by action")
                .param("id", engagementId).query(String.class).list();
    }

    List<String> actorsOfEngagement(UUID engagementId) {
        return jdbc.sql("select distinct actor from audit_trail where engagement_id = :id order by actor")
                .param("id", engagementId).query(String.class).list();
    }

    private static TrailEntry map(ResultSet rs, int row) throws SQLException {
        return new TrailEntry(rs.getLong("seq"), rs.getObject("id", UUID.class), rs.getTimestamp("occurred_at").toInstant(),
                rs.getString("actor"), rs.getString("actor_ip"), rs.getObject("engagement_id", UUID.class),
                rs.getObject("organisation_id", UUID.class), rs.getString("entity_type"), rs.getString("entity_id"),
                rs.getString("action"), rs.getString("before_json"), rs.getString("after_json"),
                rs.getString("previous_hash"), rs.getString("entry_hash"));
    }
}
