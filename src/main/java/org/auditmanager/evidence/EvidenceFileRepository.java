package org.auditmanager.evidence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Versions of evidence files. There is no update and no delete: every upload stays as it was. */
@Repository
class EvidenceFileRepository {

    private static final String SELECT = """
            select f.*, u.display_name as uploaded_by_name
            from evidence_file f join app_user u on u.username = f.uploaded_by
            """;

    private final JdbcClient jdbc;

    EvidenceFileRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Newest version first. */
    List<EvidenceFile> of(UUID requestId) {
        return jdbc.sql(SELECT + " where f.request_id = :request order by f.version desc")
                .param("request", requestId).query(EvidenceFileRepository::map).list();
    }

    Optional<EvidenceFile> find(UUID requestId, UUID versionId) {
        return jdbc.sql(SELECT + " where f.request_id = :request and f.id = :id")
                .param("request", requestId).param("id", versionId).query(EvidenceFileRepository::map).optional();
    }

    /** Call with the request row locked, so that concurrent uploads get consecutive version numbers. */
    EvidenceFile insertNextVersion(UUID requestId, String filename, String contentType, String sha256, long size,
                                   LocalDate evidenceDate, String uploadedBy, Instant now) {
        int version = jdbc.sql("select coalesce(max(version), 0) + 1 from evidence_file where request_id = :request")
                .param("request", requestId).query(Integer.class).single();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into evidence_file (id, request_id, version, filename, content_type, sha256, size_bytes,
                            evidence_date, uploaded_by, uploaded_at)
                        values (:id, :request, :version, :filename, :type, :sha256, :size, :evidenceDate, :by, :now)""")
                .param("id", id).param("request", requestId).param("version", version).param("filename", filename)
                .param("type", contentType).param("sha256", sha256).param("size", size)
                .param("evidenceDate", evidenceDate).param("by", uploadedBy).param("now", Timestamp.from(now))
                .update();
        return find(requestId, id).orElseThrow();
    }

    /** Call with the request row locked: a version that reuses already stored content of another version. */
    EvidenceFile insertReusedVersion(UUID requestId, EvidenceFile source, String uploadedBy, Instant now) {
        EvidenceFile inserted = insertNextVersion(requestId, source.filename(), source.contentType(), source.sha256(),
                source.size(), source.evidenceDate(), uploadedBy, now);
        jdbc.sql("update evidence_file set reused_from = :source where id = :id")
                .param("source", source.versionId()).param("id", inserted.versionId()).update();
        return find(requestId, inserted.versionId()).orElseThrow();
    }

    private static EvidenceFile map(ResultSet rs, int row) throws SQLException {
        return new EvidenceFile(
                rs.getObject("id", UUID.class),
                rs.getObject("request_id", UUID.class),
                rs.getInt("version"),
                rs.getString("filename"),
                rs.getString("content_type"),
                rs.getLong("size_bytes"),
                rs.getString("sha256"),
                rs.getObject("evidence_date", LocalDate.class),
                rs.getString("uploaded_by"),
                rs.getString("uploaded_by_name"),
                rs.getTimestamp("uploaded_at").toInstant(),
                rs.getObject("reused_from", UUID.class));
    }
}
