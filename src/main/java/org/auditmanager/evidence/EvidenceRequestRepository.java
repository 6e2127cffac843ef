package org.auditmanager.evidence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Repository;

@Repository
class EvidenceRequestRepository {

    private static final String SELECT = """
            select r.*, u.display_name as owner_name
            from evidence_request r left join app_user u on u.username = r.owner_username
            """;

    private final JdbcClient jdbc;

    EvidenceRequestRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<EvidenceRequest> find(UUID id) {
        return jdbc.sql(SELECT + " where r.id = :id").param("id", id)
                .query(EvidenceRequestRepository::map).optional()
                .map(request -> request.withControls(controlsOf(List.of(id)).getOrDefault(id, List.of())));
    }

    Optional<EvidenceRequest> findByProcessInstance(String processInstanceId) {
        return jdbc.sql("select id from evidence_request where process_instance_id = :pi")
                .param("pi", processInstanceId).query(UUID.class).optional().flatMap(this::find);
    }

    /** A page of an engagement's requests in PBC order; without drafts and unshared ones for clients. */
    List<EvidenceRequest> findByEngagement(UUID engagementId, boolean sharedOnly, int limit, int offset) {
        List<EvidenceRequest> requests = jdbc.sql(SELECT + " where r.engagement_id = :engagement"
                        + (sharedOnly ? " and r.shared_at is not null" : "")
                        + " order by r.number limit :limit offset :offset")
                .param("engagement", engagementId).param("limit", limit).param("offset", offset)
                .query(EvidenceRequestRepository::map).list();
        Map<UUID, List<String>> controls = controlsOf(requests.stream().map(EvidenceRequest::id).toList());
        return requests.stream()
                .map(request -> request.withControls(controls.getOrDefault(request.id(), List.of()))).toList();
    }

    int countByEngagement(UUID engagementId, boolean sharedOnly) {
        return jdbc.sql("select count(*) from evidence_request r where r.engagement_id = :engagement"
                        + (sharedOnly ? " and r.shared_at is not null" : ""))
                .param("engagement", engagementId).query(Integer.class).single();
    }

    /** The controls that requests of the engagement, other than cancelled ones, already ask evidence for. */
    List<String> controlsRequested(UUID engagementId) {
        return jdbc.sql("""
                        select distinct c.control_id from evidence_request_control c
                        join evidence_request r on r.id = c.request_id
                        where r.engagement_id = :engagement and r.status <> 'CANCELLED'""")
                .param("engagement", engagementId).query(String.class).list();
    }

    /** The controls that requests of one evidence round, other than cancelled ones, already ask evidence for. */
    List<String> controlsRequestedInRound(UUID roundId) {
        return jdbc.sql("""
                        select distinct c.control_id from evidence_request_control c
                        join evidence_request r on r.id = c.request_id
                        where r.round_id = :round and r.status <> 'CANCELLED'""")
                .param("round", roundId).query(String.class).list();
    }

    /** The round's requests that are shared and not closed yet, in PBC order. */
    List<EvidenceRequest> openInRound(UUID roundId) {
        return jdbc.sql(SELECT + " where r.round_id = :round and r.status in ('OPEN', 'SUBMITTED', 'REJECTED', 'OVERDUE')"
                        + " order by r.number")
                .param("round", roundId).query(EvidenceRequestRepository::map).list();
    }

    int nextNumber(UUID engagementId) {
        return jdbc.sql("select coalesce(max(number), 0) + 1 from evidence_request where engagement_id = :engagement")
                .param("engagement", engagementId).query(Integer.class).single();
    }

    /** A new draft; {@code roundId} is the evidence round it belongs to, if one is open. */
    void insert(UUID id, UUID engagementId, @Nullable UUID roundId, int number, NewEvidenceRequest request,
                String createdBy, Instant now) {
        jdbc.sql("""
                        insert into evidence_request (id, engagement_id, round_id, number, title, description,
                            owner_username, due_date, period_start, period_end, as_of_date, status, created_by,
                            created_at, updated_at)
                        values (:id, :engagement, :round, :number, :title, :description, :owner, :due, :periodStart,
                            :periodEnd, :asOf, :status, :createdBy, :now, :now)""")
                .param("id", id)
                .param("engagement", engagementId)
                .param("round", roundId)
                .param("number", number)
                .params(fields(request))
                .param("status", EvidenceStatus.DRAFT.name())
                .param("createdBy", createdBy)
                .param("now", Timestamp.from(now))
                .update();
        replaceControls(id, request.controlIdsOrEmpty());
    }

    /** Changes a draft; false when the request is no longer a draft. */
    boolean updateDraft(UUID id, NewEvidenceRequest request, Instant now) {
        int updated = jdbc.sql("""
                        update evidence_request set title = :title, description = :description, owner_username = :owner,
                            due_date = :due, period_start = :periodStart, period_end = :periodEnd, as_of_date = :asOf,
                            updated_at = :now
                        where id = :id and status = 'DRAFT'""")
                .params(fields(request))
                .param("now", Timestamp.from(now))
                .param("id", id)
                .update();
        if (updated == 1) {
            replaceControls(id, request.controlIdsOrEmpty());
        }
        return updated == 1;
    }

    /**
     * Locks the request row until the transaction ends and returns its status: uploads and status changes of one
     * request then happen one after the other, on any node.
     */
    Optional<EvidenceStatus> lock(UUID id) {
        return jdbc.sql("select status from evidence_request where id = :id for update").param("id", id)
                .query((rs, n) -> EvidenceStatus.valueOf(rs.getString(1))).optional();
    }

    /** Sets the status from the process, remembering which instance drives the request and that it is shared. */
    int updateStatusFromProcess(UUID id, EvidenceStatus status, String processInstanceId, Instant now) {
        return jdbc.sql("""
                        update evidence_request set status = :status, process_instance_id = :pi,
                            shared_at = coalesce(shared_at, :now), updated_at = :now
                        where id = :id""")
                .param("status", status.name()).param("pi", processInstanceId).param("now", Timestamp.from(now))
                .param("id", id).update();
    }

    /** CANCELLED unless already accepted or cancelled; 1 when this call cancelled it. */
    int cancelUnlessFinal(UUID id, Instant now) {
        return jdbc.sql("""
                        update evidence_request set status = 'CANCELLED', updated_at = :now
                        where id = :id and status not in ('ACCEPTED', 'CANCELLED')""")
                .param("now", Timestamp.from(now)).param("id", id).update();
    }

    private Map<String, Object> fields(NewEvidenceRequest request) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("title", request.title().strip());
        fields.put("description", request.description() == null || request.description().isBlank() ? null
                : request.description().strip());
        fields.put("owner", request.hasOwner() ? request.owner().strip() : null);
        fields.put("due", request.dueDate());
        fields.put("periodStart", request.periodStart());
        fields.put("periodEnd", request.periodEnd());
        fields.put("asOf", request.asOfDate());
        return fields;
    }

    private void replaceControls(UUID id, List<String> controlIds) {
        jdbc.sql("delete from evidence_request_control where request_id = :id").param("id", id).update();
        for (String controlId : controlIds) {
            jdbc.sql("insert into evidence_request_control (request_id, control_id) values (:id, :control)")
                    .param("id", id).param("control", controlId).update();
        }
    }

    private Map<UUID, List<String>> controlsOf(Collection<UUID> requestIds) {
        if (requestIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, List<String>> controls = new HashMap<>();
        jdbc.sql("select request_id, control_id from evidence_request_control where request_id in (:ids)"
                        + " order by control_id")
                .param("ids", requestIds)
                .query(rs -> {
                    controls.computeIfAbsent(rs.getObject(1, UUID.class), id -> new ArrayList<>())
                            .add(rs.getString(2));
                });
        return controls;
    }

    private static EvidenceRequest map(ResultSet rs, int row) throws SQLException {
        Timestamp shared = rs.getTimestamp("shared_at");
        return new EvidenceRequest(
                rs.getObject("id", UUID.class),
                rs.getObject("engagement_id", UUID.class),
                rs.getInt("number"),
                rs.getString("title"),
                rs.getString("description"),
                List.of(),
                rs.getString("owner_username"),
                rs.getString("owner_name"),
                rs.getObject("due_date", LocalDate.class),
                rs.getObject("period_start", LocalDate.class),
                rs.getObject("period_end", LocalDate.class),
                rs.getObject("as_of_date", LocalDate.class),
                EvidenceStatus.valueOf(rs.getString("status")),
                rs.getString("process_instance_id"),
                shared == null ? null : shared.toInstant(),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
