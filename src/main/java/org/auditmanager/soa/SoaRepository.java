package org.auditmanager.soa;

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
class SoaRepository {

    /** A version with its decision counts and the number of the version it started from. */
    private static final String SELECT_VERSION = """
            select v.*, b.version_no as based_on_no,
                (select count(*) from soa_entry e where e.soa_version_id = v.id) as decided,
                (select count(*) from soa_entry e where e.soa_version_id = v.id and e.applicable = true) as applicable
            from soa_version v left join soa_version b on b.id = v.based_on
            """;

    private final JdbcClient jdbc;

    SoaRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<SoaVersion> versions(UUID engagementId) {
        return jdbc.sql(SELECT_VERSION + " where v.engagement_id = :engagement order by v.version_no")
                .param("engagement", engagementId).query(SoaRepository::mapVersion).list();
    }

    Optional<SoaVersion> latest(UUID engagementId) {
        return jdbc.sql(SELECT_VERSION + " where v.engagement_id = :engagement order by v.version_no desc limit 1")
                .param("engagement", engagementId).query(SoaRepository::mapVersion).optional();
    }

    Optional<SoaVersion> latestApproved(UUID engagementId) {
        return jdbc.sql(SELECT_VERSION + """
                         where v.engagement_id = :engagement and v.status = 'APPROVED'
                         order by v.version_no desc limit 1""")
                .param("engagement", engagementId).query(SoaRepository::mapVersion).optional();
    }

    /** The decisions of a version in catalogue order. */
    List<SoaEntry> entries(UUID versionId) {
        return jdbc.sql("""
                        select e.* from soa_entry e
                        join catalog_item c on c.catalog_version = e.catalog_version and c.item_id = e.control_id
                        where e.soa_version_id = :version order by c.sort_order""")
                .param("version", versionId)
                .query((rs, row) -> new SoaEntry(rs.getString("control_id"), rs.getBoolean("applicable"),
                        rs.getString("justification"), status(rs.getString("implementation_status"))))
                .list();
    }

    void insertVersion(UUID id, UUID engagementId, int version, String catalogVersion, UUID basedOn, String user,
                       Instant now) {
        jdbc.sql("""
                        insert into soa_version (id, engagement_id, version_no, status, catalog_version, based_on,
                            created_by, created_at, updated_by, updated_at)
                        values (:id, :engagement, :version, 'DRAFT', :catalog, :basedOn, :user, :now, :user, :now)""")
                .param("id", id).param("engagement", engagementId).param("version", version)
                .param("catalog", catalogVersion).param("basedOn", basedOn)
                .param("user", user).param("now", Timestamp.from(now))
                .update();
    }

    /** Marks a draft as changed; 0 when it is no longer a draft. The row lock holds concurrent changes back. */
    int touchDraft(UUID versionId, String user, Instant now) {
        return jdbc.sql("""
                        update soa_version set updated_by = :user, updated_at = :now
                        where id = :id and status = 'DRAFT'""")
                .param("id", versionId).param("user", user).param("now", Timestamp.from(now)).update();
    }

    void replaceEntries(UUID versionId, String catalogVersion, List<SoaEntry> entries) {
        jdbc.sql("delete from soa_entry where soa_version_id = :id").param("id", versionId).update();
        entries.forEach(entry -> jdbc.sql("""
                        insert into soa_entry (soa_version_id, catalog_version, control_id, applicable, justification,
                            implementation_status)
                        values (:version, :catalog, :control, :applicable, :justification, :status)""")
                .param("version", versionId).param("catalog", catalogVersion)
                .param("control", entry.controlId()).param("applicable", entry.applicable())
                .param("justification", entry.justification())
                .param("status", entry.implementationStatus() == null ? null : entry.implementationStatus().name())
                .update());
    }

    int submit(UUID versionId, String user, Instant now) {
        return jdbc.sql("""
                        update soa_version set status = 'SUBMITTED', submitted_by = :user, submitted_at = :now,
                            updated_by = :user, updated_at = :now
                        where id = :id and status = 'DRAFT'""")
                .param("id", versionId).param("user", user).param("now", Timestamp.from(now)).update();
    }

    int approve(UUID versionId, String user, Instant now) {
        return jdbc.sql("""
                        update soa_version set status = 'APPROVED', approved_by = :user, approved_at = :now,
                            updated_by = :user, updated_at = :now
                        where id = :id and status = 'SUBMITTED'""")
                .param("id", versionId).param("user", user).param("now", Timestamp.from(now)).update();
    }

    int sendBack(UUID versionId, String user, Instant now) {
        return jdbc.sql("""
                        update soa_version set status = 'DRAFT', submitted_by = null, submitted_at = null,
                            updated_by = :user, updated_at = :now
                        where id = :id and status = 'SUBMITTED'""")
                .param("id", versionId).param("user", user).param("now", Timestamp.from(now)).update();
    }

    private static ImplementationStatus status(String value) {
        return value == null ? null : ImplementationStatus.valueOf(value);
    }

    private static SoaVersion mapVersion(ResultSet rs, int row) throws SQLException {
        int decided = rs.getInt("decided");
        int applicable = rs.getInt("applicable");
        return new SoaVersion(
                rs.getObject("id", UUID.class),
                rs.getInt("version_no"),
                SoaStatus.valueOf(rs.getString("status")),
                rs.getString("catalog_version"),
                (Integer) rs.getObject("based_on_no"),
                rs.getString("created_by"),
                instant(rs, "created_at"),
                rs.getString("updated_by"),
                instant(rs, "updated_at"),
                rs.getString("submitted_by"),
                instant(rs, "submitted_at"),
                rs.getString("approved_by"),
                instant(rs, "approved_at"),
                decided,
                applicable,
                decided - applicable);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
