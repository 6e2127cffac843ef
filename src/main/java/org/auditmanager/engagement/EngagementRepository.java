package org.auditmanager.engagement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.auditmanager.security.AuthenticatedUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class EngagementRepository {

    private static final String SELECT = """
            select e.*, o.name as organisation_name
            from engagement e join organisation o on o.id = e.organisation_id
            """;

    private final JdbcClient jdbc;

    EngagementRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Engagement> find(UUID id) {
        return findWithoutTeam(id).map(engagement -> engagement.withTeam(team(id)));
    }

    /** One query, for the engine's status listeners, which run on every step and need no team. */
    Optional<Engagement> findWithoutTeam(UUID id) {
        return jdbc.sql(SELECT + " where e.id = :id").param("id", id).query(EngagementRepository::map).optional();
    }

    Optional<Engagement> findByReference(String reference) {
        return jdbc.sql(SELECT + " where e.reference = :reference").param("reference", reference)
                .query(EngagementRepository::map).optional();
    }

    /** The engagements a user may see (see {@link EngagementVisibility}), newest first. */
    List<Engagement> findVisible(AuthenticatedUser user, int limit, int offset) {
        EngagementVisibility visibility = EngagementVisibility.of(user);
        return jdbc.sql(SELECT + " where " + visibility.predicate() + " order by e.created_at desc, e.reference desc"
                        + " limit :limit offset :offset")
                .params(visibility.parameters())
                .param("limit", limit).param("offset", offset)
                .query(EngagementRepository::map).list();
    }

    int countVisible(AuthenticatedUser user) {
        EngagementVisibility visibility = EngagementVisibility.of(user);
        return jdbc.sql("select count(*) from engagement e where " + visibility.predicate())
                .params(visibility.parameters()).query(Integer.class).single();
    }

    boolean isVisible(UUID id, AuthenticatedUser user) {
        EngagementVisibility visibility = EngagementVisibility.of(user);
        return jdbc.sql("select count(*) from engagement e where e.id = :id and " + visibility.predicate())
                .params(visibility.parameters()).param("id", id).query(Integer.class).single() > 0;
    }

    List<Engagement> findByReferences(Collection<String> references) {
        if (references.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where e.reference in (:references)").param("references", references)
                .query(EngagementRepository::map).list();
    }

    List<String> visibleReferences(AuthenticatedUser user) {
        EngagementVisibility visibility = EngagementVisibility.of(user);
        return jdbc.sql("select e.reference from engagement e where " + visibility.predicate())
                .params(visibility.parameters()).query(String.class).list();
    }

    void insert(UUID id, String reference, NewEngagement request, String status, String createdBy, Instant now) {
        jdbc.sql("""
                        insert into engagement (id, reference, organisation_id, framework, kind, title, scope, status,
                            lead_auditor, as_of_date, period_start, period_end, tsc_categories, created_by,
                            created_at, updated_at)
                        values (:id, :reference, :organisationId, :framework, :kind, :title, :scope, :status,
                            :lead, :asOf, :periodStart, :periodEnd, :tsc, :createdBy, :now, :now)""")
                .param("id", id)
                .param("reference", reference)
                .param("organisationId", request.organisationId())
                .param("framework", request.framework().name())
                .param("kind", request.kind().name())
                .param("title", request.title().strip())
                .param("scope", request.scope().strip())
                .param("status", status)
                .param("lead", request.leadAuditor())
                .param("asOf", request.asOfDate())
                .param("periodStart", request.periodStart())
                .param("periodEnd", request.periodEnd())
                .param("tsc", request.tscCategoriesOrEmpty().isEmpty() ? null
                        : String.join(",", request.tscCategoriesOrEmpty()))
                .param("createdBy", createdBy)
                .param("now", Timestamp.from(now))
                .update();
    }

    void addMember(UUID engagementId, String username, TeamRole role) {
        jdbc.sql("insert into engagement_member (engagement_id, username, team_role) values (:id, :username, :role)")
                .param("id", engagementId).param("username", username).param("role", role.name()).update();
    }

    void linkProcessInstance(UUID id, String processInstanceId) {
        jdbc.sql("update engagement set process_instance_id = :pi where id = :id")
                .param("pi", processInstanceId).param("id", id).update();
    }

    int updateStatus(UUID id, String status, Instant now) {
        return jdbc.sql("update engagement set status = :status, updated_at = :now where id = :id")
                .param("status", status).param("now", Timestamp.from(now)).param("id", id).update();
    }

    List<TeamMember> team(UUID engagementId) {
        return jdbc.sql("""
                        select m.username, u.display_name, m.team_role
                        from engagement_member m join app_user u on u.username = m.username
                        where m.engagement_id = :id order by m.team_role, u.display_name""")
                .param("id", engagementId)
                .query((rs, n) -> new TeamMember(rs.getString(1), rs.getString(2), TeamRole.valueOf(rs.getString(3))))
                .list();
    }

    private static Engagement map(ResultSet rs, int row) throws SQLException {
        String tsc = rs.getString("tsc_categories");
        Set<String> categories = tsc == null ? Set.of()
                : Arrays.stream(tsc.split(",")).collect(Collectors.toCollection(LinkedHashSet::new));
        return new Engagement(
                rs.getObject("id", UUID.class),
                rs.getString("reference"),
                rs.getObject("organisation_id", UUID.class),
                rs.getString("organisation_name"),
                Framework.valueOf(rs.getString("framework")),
                EngagementKind.valueOf(rs.getString("kind")),
                rs.getString("title"),
                rs.getString("scope"),
                rs.getString("status"),
                rs.getString("lead_auditor"),
                rs.getObject("as_of_date", LocalDate.class),
                rs.getObject("period_start", LocalDate.class),
                rs.getObject("period_end", LocalDate.class),
                categories,
                rs.getString("process_instance_id"),
                rs.getTimestamp("created_at").toInstant(),
                List.of());
    }

    /** Parameters are named so that visibility predicates can be combined with any query on alias e. */
    record EngagementVisibility(String predicate, Map<String, ?> parameters) {

        static EngagementVisibility of(AuthenticatedUser user) {
            if (user.isClient()) {
                return new EngagementVisibility("e.organisation_id = :visibleOrganisation",
                        Map.of("visibleOrganisation", user.organisationId()));
            }
            if (user.seesAllEngagements()) {
                return new EngagementVisibility("1 = 1", Map.of());
            }
            return new EngagementVisibility(
                    "e.id in (select m.engagement_id from engagement_member m where m.username = :visibleMember)",
                    Map.of("visibleMember", user.getUsername()));
        }
    }
}
