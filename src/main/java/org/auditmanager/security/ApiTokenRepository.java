package org.auditmanager.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ApiTokenRepository {

    record Active(UUID id, String username) {
    }

    private final JdbcClient jdbc;

    ApiTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(ApiTokens.ApiToken token, String username, String hash) {
        jdbc.sql("""
                        insert into api_token (id, username, name, token_hash, token_prefix, created_at)
                        values (:id, :username, :name, :hash, :prefix, :createdAt)""")
                .param("id", token.id())
                .param("username", username)
                .param("name", token.name())
                .param("hash", hash)
                .param("prefix", token.prefix())
                .param("createdAt", Timestamp.from(token.createdAt()))
                .update();
    }

    Optional<Active> findActive(String hash) {
        return jdbc.sql("select id, username from api_token where token_hash = :hash and revoked_at is null")
                .param("hash", hash)
                .query((rs, n) -> new Active(rs.getObject("id", UUID.class), rs.getString("username")))
                .optional();
    }

    Optional<ApiTokens.ApiToken> find(UUID id, String username) {
        return jdbc.sql("select * from api_token where id = :id and username = :username")
                .param("id", id).param("username", username)
                .query(ApiTokenRepository::map).optional();
    }

    List<ApiTokens.ApiToken> ofOwner(String username, int limit, int offset) {
        return jdbc.sql("""
                        select * from api_token where username = :username
                        order by created_at desc, id limit :limit offset :offset""")
                .param("username", username).param("limit", limit).param("offset", offset)
                .query(ApiTokenRepository::map).list();
    }

    long countOfOwner(String username) {
        return jdbc.sql("select count(*) from api_token where username = :username")
                .param("username", username).query(Long.class).single();
    }

    void revoke(UUID id, Instant when) {
        jdbc.sql("update api_token set revoked_at = :when where id = :id and revoked_at is null")
                .param("when", Timestamp.from(when)).param("id", id).update();
    }

    /** Records a use unless one was recorded after {@code unlessAfter}: one write a minute, not one per request. */
    void touch(UUID id, Instant when, Instant unlessAfter) {
        jdbc.sql("""
                        update api_token set last_used_at = :when
                        where id = :id and (last_used_at is null or last_used_at < :threshold)""")
                .param("when", Timestamp.from(when)).param("id", id).param("threshold", Timestamp.from(unlessAfter))
                .update();
    }

    private static ApiTokens.ApiToken map(ResultSet rs, int row) throws SQLException {
        Timestamp lastUsed = rs.getTimestamp("last_used_at");
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new ApiTokens.ApiToken(rs.getObject("id", UUID.class), rs.getString("name"),
                rs.getString("token_prefix"), rs.getTimestamp("created_at").toInstant(),
                lastUsed == null ? null : lastUsed.toInstant(), revoked == null ? null : revoked.toInstant());
    }
}
