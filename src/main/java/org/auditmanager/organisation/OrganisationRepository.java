package org.auditmanager.organisation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class OrganisationRepository {

    /** sites are few and short: one column, one site per line */
    private static final String SITE_SEPARATOR = "\n";

    private final JdbcClient jdbc;

    OrganisationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Organisation> find(UUID id) {
        return jdbc.sql("select * from organisation where id = :id").param("id", id)
                .query(OrganisationRepository::map).optional();
    }

    Optional<Organisation> findByName(String name) {
        return jdbc.sql("select * from organisation where name = :name").param("name", name)
                .query(OrganisationRepository::map).optional();
    }

    List<Organisation> findAll() {
        return jdbc.sql("select * from organisation order by name").query(OrganisationRepository::map).list();
    }

    List<Organisation> findAll(int limit, int offset) {
        return jdbc.sql("select * from organisation order by name, id limit :limit offset :offset")
                .param("limit", limit).param("offset", offset).query(OrganisationRepository::map).list();
    }

    long count() {
        return jdbc.sql("select count(*) from organisation").query(Long.class).single();
    }

    /** The organisations of the engagements whose team the user is on (the membership rule of engagements). */
    List<Organisation> findByTeamMember(String username) {
        return jdbc.sql("""
                        select * from organisation o where o.id in (select e.organisation_id from engagement e
                            join engagement_member m on m.engagement_id = e.id where m.username = :username)
                        order by name""")
                .param("username", username).query(OrganisationRepository::map).list();
    }

    boolean hasTeamMember(UUID id, String username) {
        return jdbc.sql("""
                        select count(*) from engagement e join engagement_member m on m.engagement_id = e.id
                        where e.organisation_id = :id and m.username = :username""")
                .param("id", id).param("username", username).query(Integer.class).single() > 0;
    }

    List<Organisation> findAllById(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from organisation where id in (:ids) order by name").param("ids", ids)
                .query(OrganisationRepository::map).list();
    }

    void insert(Organisation organisation, Instant now) {
        jdbc.sql("""
                        insert into organisation (id, name, persons_in_scope, sites, created_at)
                        values (:id, :name, :persons, :sites, :now)""")
                .param("id", organisation.id())
                .param("name", organisation.name())
                .param("persons", organisation.personsInScope())
                .param("sites", String.join(SITE_SEPARATOR, organisation.sites()))
                .param("now", Timestamp.from(now))
                .update();
    }

    private static Organisation map(ResultSet rs, int row) throws SQLException {
        String sites = rs.getString("sites");
        return new Organisation(rs.getObject("id", UUID.class), rs.getString("name"),
                (Integer) rs.getObject("persons_in_scope"),
                sites == null || sites.isEmpty() ? List.of() : Arrays.asList(sites.split(SITE_SEPARATOR)));
    }
}
