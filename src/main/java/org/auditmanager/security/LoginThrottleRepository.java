package org.auditmanager.security;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class LoginThrottleRepository {

    private final JdbcClient jdbc;

    LoginThrottleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Instant> lockedUntil(String nameHash, Instant now) {
        return jdbc.sql("select locked_until from login_lockout where name_hash = :hash and locked_until > :now")
                .param("hash", nameHash).param("now", Timestamp.from(now))
                .query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    /** Records one failure and answers how many this name has had since {@code since}. */
    int recordFailure(String nameHash, Instant now, Instant since) {
        jdbc.sql("delete from login_failure where failed_at < :since").param("since", Timestamp.from(since)).update();
        jdbc.sql("insert into login_failure (name_hash, failed_at) values (:hash, :now)")
                .param("hash", nameHash).param("now", Timestamp.from(now)).update();
        return jdbc.sql("select count(*) from login_failure where name_hash = :hash and failed_at >= :since")
                .param("hash", nameHash).param("since", Timestamp.from(since)).query(Integer.class).single();
    }

    void lock(String nameHash, Instant until) {
        jdbc.sql("delete from login_lockout where name_hash = :hash").param("hash", nameHash).update();
        try {
            jdbc.sql("insert into login_lockout (name_hash, locked_until) values (:hash, :until)")
                    .param("hash", nameHash).param("until", Timestamp.from(until)).update();
        } catch (DuplicateKeyException concurrentLockOnAnotherNode) {
            // another node locked the same name at the same moment: one lock is enough
        }
        clearFailures(nameHash);
    }

    void clearFailures(String nameHash) {
        jdbc.sql("delete from login_failure where name_hash = :hash").param("hash", nameHash).update();
    }
}
