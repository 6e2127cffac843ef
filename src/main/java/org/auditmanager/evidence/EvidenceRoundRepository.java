package org.auditmanager.evidence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Repository;

/** Table {@code evidence_round} (V83): one audit's evidence collection. */
@Repository
class EvidenceRoundRepository {

    private final JdbcClient jdbc;

    EvidenceRoundRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Opens the round, or opens it again when the same audit collects evidence a second time. */
    void open(UUID id, UUID engagementId, String label, Instant now) {
        int reopened = jdbc.sql("update evidence_round set closed_at = null, closing_note = null where id = :id")
                .param("id", id).update();
        if (reopened == 0) {
            jdbc.sql("""
                            insert into evidence_round (id, engagement_id, label, opened_at)
                            values (:id, :engagement, :label, :now)""")
                    .param("id", id).param("engagement", engagementId).param("label", label)
                    .param("now", Timestamp.from(now)).update();
        }
    }

    /** The engagement's round that is open, if any (at most one is). */
    Optional<UUID> openRoundOf(UUID engagementId) {
        return jdbc.sql("""
                        select id from evidence_round where engagement_id = :engagement and closed_at is null
                        order by opened_at desc limit 1""")
                .param("engagement", engagementId).query(UUID.class).optional();
    }

    void close(UUID id, @Nullable String note, Instant now) {
        jdbc.sql("update evidence_round set closed_at = :now, closing_note = :note where id = :id and closed_at is null")
                .param("id", id).param("note", note).param("now", Timestamp.from(now)).update();
    }

    /** Closes whatever other round of the engagement is still open: its audit ended without closing it. */
    void closeOthers(UUID engagementId, UUID except, Instant now) {
        jdbc.sql("""
                        update evidence_round set closed_at = :now, closing_note = 'Superseded by a later audit.'
                        where engagement_id = :engagement and id <> :except and closed_at is null""")
                .param("engagement", engagementId).param("except", except).param("now", Timestamp.from(now))
                .update();
    }
}
