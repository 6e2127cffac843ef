package org.auditmanager.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class UserRepository {

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<AuthenticatedUser> findForLogin(String username) {
        return jdbc.sql("""
                        select username, display_name, organisation_id, enabled, password_hash
                        from app_user where username = :username""")
                .param("username", username)
                .query((rs, n) -> new AuthenticatedUser(rs.getString("username"), rs.getString("display_name"),
                        rolesOf(rs.getString("username")), rs.getObject("organisation_id", UUID.class),
                        rs.getBoolean("enabled"), rs.getString("password_hash")))
                .optional();
    }

    Optional<UserAccount> find(String username) {
        return jdbc.sql("select * from app_user where username = :username")
                .param("username", username)
                .query((rs, n) -> account(rs, rolesOf(rs.getString("username"))))
                .optional();
    }

    /** Every user with their roles, in two queries whatever the number of users. */
    List<UserAccount> findAll() {
        Map<String, Set<Role>> roles = new HashMap<>();
        jdbc.sql("select username, role from app_user_role").query(rs -> {
            roles.computeIfAbsent(rs.getString("username"), u -> EnumSet.noneOf(Role.class))
                    .add(Role.valueOf(rs.getString("role")));
        });
        Map<String, UserAccount> users = new LinkedHashMap<>();
        jdbc.sql("select * from app_user order by username").query(rs -> {
            String username = rs.getString("username");
            users.put(username, account(rs, roles.getOrDefault(username, Set.of())));
        });
        return List.copyOf(users.values());
    }

    boolean exists(String username) {
        return jdbc.sql("select count(*) from app_user where username = :username")
                .param("username", username).query(Integer.class).single() > 0;
    }

    boolean anyWithRole(Role role) {
        return jdbc.sql("select count(*) from app_user_role where role = :role")
                .param("role", role.name()).query(Integer.class).single() > 0;
    }

    void insert(NewUser user, String passwordHash, Instant now) {
        insert(user, passwordHash, now, false, null, null);
    }

    void insert(NewUser user, String passwordHash, Instant now, boolean external, LocalDate accessFrom,
                LocalDate accessUntil) {
        jdbc.sql("""
                        insert into app_user (username, display_name, email, password_hash, organisation_id, enabled,
                                              external, access_from, access_until, created_at)
                        values (:username, :displayName, :email, :hash, :organisationId, true,
                                :external, :accessFrom, :accessUntil, :now)""")
                .param("username", user.username())
                .param("displayName", user.displayName())
                .param("email", user.email())
                .param("hash", passwordHash)
                .param("organisationId", user.organisationId())
                .param("external", external)
                .param("accessFrom", accessFrom)
                .param("accessUntil", accessUntil)
                .param("now", Timestamp.from(now))
                .update();
        for (Role role : user.roles()) {
            jdbc.sql("insert into app_user_role (username, role) values (:username, :role)")
                    .param("username", user.username()).param("role", role.name()).update();
        }
    }

    void recordLogin(String username, Instant when) {
        jdbc.sql("update app_user set last_login_at = :when where username = :username")
                .param("when", Timestamp.from(when)).param("username", username).update();
    }

    int revoke(String username, Instant when, String by) {
        return jdbc.sql("""
                        update app_user set revoked_at = :when, revoked_by = :by
                        where username = :username and revoked_at is null""")
                .param("when", Timestamp.from(when)).param("by", by).param("username", username).update();
    }

    int setEnabled(String username, boolean enabled) {
        return jdbc.sql("update app_user set enabled = :enabled where username = :username")
                .param("enabled", enabled).param("username", username).update();
    }

    private Set<Role> rolesOf(String username) {
        List<Role> roles = jdbc.sql("select role from app_user_role where username = :username")
                .param("username", username)
                .query((rs, n) -> Role.valueOf(rs.getString(1)))
                .list();
        return roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles);
    }

    private static UserAccount account(ResultSet rs, Set<Role> roles) throws SQLException {
        Timestamp revokedAt = rs.getTimestamp("revoked_at");
        Timestamp lastLogin = rs.getTimestamp("last_login_at");
        return new UserAccount(rs.getString("username"), rs.getString("display_name"), rs.getString("email"),
                roles, rs.getObject("organisation_id", UUID.class), rs.getBoolean("enabled"),
                rs.getBoolean("external"), rs.getObject("access_from", LocalDate.class),
                rs.getObject("access_until", LocalDate.class),
                revokedAt == null ? null : revokedAt.toInstant(), lastLogin == null ? null : lastLogin.toInstant());
    }
}
