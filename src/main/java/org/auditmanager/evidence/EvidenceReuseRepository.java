package org.auditmanager.evidence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Accepted evidence of an organisation's engagements, found by the controls its requests are linked to. */
@Repository
class EvidenceReuseRepository {

    /** One accepted version with the request and engagement it belongs to. */
    record Accepted(UUID versionId, UUID requestId, int requestNumber, String requestTitle, UUID engagementId,
                    String engagementReference) {

        String requestReference() {
            return "PBC-%03d".formatted(requestNumber);
        }
    }

    private static final String SELECT = """
            select distinct f.id, f.version, r.id as request_id, r.number, r.title, e.id as engagement_id,
                e.reference
            from evidence_file f
            join evidence_request r on r.id = f.request_id
            join engagement e on e.id = r.engagement_id
            """;

    private final JdbcClient jdbc;

    EvidenceReuseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The versions of ACCEPTED requests of the organisation's other engagements linked to any of the controls. */
    List<Accepted> acceptedFor(UUID organisationId, UUID excludedEngagementId, Collection<String> controlIds) {
        if (controlIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + """
                        join evidence_request_control c on c.request_id = r.id
                        where e.organisation_id = :organisation and e.id <> :engagement and r.status = 'ACCEPTED'
                            and c.control_id in (:controls)
                        order by e.reference, r.number, f.version desc""")
                .param("organisation", organisationId).param("engagement", excludedEngagementId)
                .param("controls", controlIds)
                .query((rs, n) -> map(rs)).list();
    }

    Optional<Accepted> find(UUID versionId) {
        return jdbc.sql(SELECT + " where f.id = :id").param("id", versionId).query((rs, n) -> map(rs)).optional();
    }

    private static Accepted map(ResultSet rs) throws SQLException {
        return new Accepted(rs.getObject("id", UUID.class), rs.getObject("request_id", UUID.class),
                rs.getInt("number"), rs.getString("title"), rs.getObject("engagement_id", UUID.class),
                rs.getString("reference"));
    }
}
