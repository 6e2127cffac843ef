package org.auditmanager.timeline;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CalendarFeedRepository {

    private final JdbcClient jdbc;

    CalendarFeedRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String> usernameFor(String tokenHash) {
        return jdbc.sql("select username from calendar_feed where token_hash = :hash")
                .param("hash", tokenHash).query(String.class).optional();
    }

    Optional<Instant> createdAt(String username) {
        return jdbc.sql("select created_at from calendar_feed where username = :username")
                .param("username", username).query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    /** Replaces the user's feed, if any: the old token stops working in the same transaction. */
    boolean replace(String username, String tokenHash, Instant now) {
        boolean existed = delete(username);
        jdbc.sql("insert into calendar_feed (username, token_hash, created_at) values (:username, :hash, :now)")
                .param("username", username).param("hash", tokenHash).param("now", Timestamp.from(now)).update();
        return existed;
    }

    boolean delete(String username) {
        return jdbc.sql("delete from calendar_feed where username = :username")
                .param("username", username).update() > 0;
    }
}
