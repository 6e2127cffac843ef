package org.auditmanager.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CatalogRepository {

    /** A catalogue version as stored, before counting. */
    record StoredVersion(String id, Catalogue catalogue, String title, boolean authoritative, String provenance,
                         String mapsFrom, String mapsTo, Instant loadedAt) {
    }

    /** A mapping link with the titles of both ends. */
    record StoredLink(String tscId, String tscTitle, String isoId, ItemKind isoKind, String isoTitle,
                      String relationship) {
    }

    private static final String LINKS = """
            select m.tsc_id, t.title as tsc_title, m.iso_id, i.kind as iso_kind, i.title as iso_title, m.relationship
            from catalog_mapping m
            join catalog_item t on t.catalog_version = m.tsc_version and t.item_id = m.tsc_id
            join catalog_item i on i.catalog_version = m.iso_version and i.item_id = m.iso_id
            where m.mapping_version = :mapping
            """;

    private final JdbcClient jdbc;

    CatalogRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String> contentHash(String version) {
        return jdbc.sql("select content_sha256 from catalog_version where id = :id").param("id", version)
                .query(String.class).optional();
    }

    void insertVersion(CatalogManifest.Entry entry, String contentHash, Instant now) {
        jdbc.sql("""
                        insert into catalog_version (id, catalogue, title, authoritative, provenance, maps_from, maps_to,
                            content_sha256, loaded_at)
                        values (:id, :catalogue, :title, :authoritative, :provenance, :mapsFrom, :mapsTo, :hash, :now)""")
                .param("id", entry.version())
                .param("catalogue", entry.catalogue().name())
                .param("title", entry.title())
                .param("authoritative", entry.authoritative())
                .param("provenance", entry.provenance())
                .param("mapsFrom", entry.catalogue() == Catalogue.TSC_TO_ISO27001 ? entry.mapsFrom() : null)
                .param("mapsTo", entry.catalogue() == Catalogue.TSC_TO_ISO27001 ? entry.mapsTo() : null)
                .param("hash", contentHash)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Title and provenance describe a version; no record points to them, so a correction may replace them. */
    int updateDescription(CatalogManifest.Entry entry) {
        return jdbc.sql("""
                        update catalog_version set title = :title, provenance = :provenance, authoritative = :authoritative
                        where id = :id and (title <> :title or provenance <> :provenance or authoritative <> :authoritative)""")
                .param("id", entry.version())
                .param("title", entry.title())
                .param("provenance", entry.provenance())
                .param("authoritative", entry.authoritative())
                .update();
    }

    void insertItem(CatalogItem item, int sortOrder) {
        jdbc.sql("""
                        insert into catalog_item (catalog_version, item_id, kind, title, item_group, parent_id,
                            new_in_edition, coso_principle, sort_order)
                        values (:version, :id, :kind, :title, :group, :parent, :newInEdition, :coso, :sortOrder)""")
                .param("version", item.catalogVersion())
                .param("id", item.id())
                .param("kind", item.kind().name())
                .param("title", item.title())
                .param("group", item.group())
                .param("parent", item.parentId())
                .param("newInEdition", item.newInEdition())
                .param("coso", item.cosoPrinciple())
                .param("sortOrder", sortOrder)
                .update();
    }

    void insertLink(String mappingVersion, String tscVersion, String tscId, String isoVersion, String isoId,
                    String relationship, int sortOrder) {
        jdbc.sql("""
                        insert into catalog_mapping (mapping_version, tsc_version, tsc_id, iso_version, iso_id,
                            relationship, sort_order)
                        values (:mapping, :tscVersion, :tscId, :isoVersion, :isoId, :relationship, :sortOrder)""")
                .param("mapping", mappingVersion)
                .param("tscVersion", tscVersion).param("tscId", tscId)
                .param("isoVersion", isoVersion).param("isoId", isoId)
                .param("relationship", relationship)
                .param("sortOrder", sortOrder)
                .update();
    }

    List<StoredVersion> versions() {
        return jdbc.sql("select * from catalog_version order by catalogue, loaded_at, id")
                .query(CatalogRepository::mapVersion).list();
    }

    Optional<StoredVersion> version(String id) {
        return jdbc.sql("select * from catalog_version where id = :id").param("id", id)
                .query(CatalogRepository::mapVersion).optional();
    }

    List<CatalogItem> items(String version) {
        return jdbc.sql("select * from catalog_item where catalog_version = :version order by sort_order")
                .param("version", version).query(CatalogRepository::mapItem).list();
    }

    List<CatalogItem> items(String version, ItemKind kind) {
        return jdbc.sql("select * from catalog_item where catalog_version = :version and kind = :kind order by sort_order")
                .param("version", version).param("kind", kind.name()).query(CatalogRepository::mapItem).list();
    }

    List<CatalogItem> items(String version, ItemKind kind, Collection<String> groups) {
        return jdbc.sql("""
                        select * from catalog_item
                        where catalog_version = :version and kind = :kind and item_group in (:groups)
                        order by sort_order""")
                .param("version", version).param("kind", kind.name()).param("groups", groups)
                .query(CatalogRepository::mapItem).list();
    }

    /** The groups (themes, categories) of one kind of item, in catalogue order. */
    List<String> groups(String version, ItemKind kind) {
        return jdbc.sql("""
                        select item_group from catalog_item where catalog_version = :version and kind = :kind
                        group by item_group order by min(sort_order)""")
                .param("version", version).param("kind", kind.name()).query(String.class).list();
    }

    Optional<CatalogItem> item(Collection<String> versions, String id) {
        return jdbc.sql("select * from catalog_item where catalog_version in (:versions) and item_id = :id")
                .param("versions", versions).param("id", id).query(CatalogRepository::mapItem).optional();
    }

    Map<ItemKind, Integer> countByKind(String version) {
        Map<ItemKind, Integer> counts = new LinkedHashMap<>();
        jdbc.sql("""
                        select kind, count(*) from catalog_item where catalog_version = :version
                        group by kind order by min(sort_order)""")
                .param("version", version)
                .query(rs -> {
                    counts.put(ItemKind.valueOf(rs.getString(1)), rs.getInt(2));
                });
        return counts;
    }

    Map<String, Integer> countByGroup(String version) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        jdbc.sql("""
                        select item_group, count(*) from catalog_item
                        where catalog_version = :version and kind <> :clause
                        group by item_group order by min(sort_order)""")
                .param("version", version).param("clause", ItemKind.CLAUSE.name())
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getInt(2));
                });
        return counts;
    }

    /** Links of a mapping by the kind of ISO item they reach. */
    Map<ItemKind, Integer> countLinksByKind(String mappingVersion) {
        Map<ItemKind, Integer> counts = new LinkedHashMap<>();
        jdbc.sql("""
                        select i.kind, count(*) from catalog_mapping m
                        join catalog_item i on i.catalog_version = m.iso_version and i.item_id = m.iso_id
                        where m.mapping_version = :mapping group by i.kind order by i.kind""")
                .param("mapping", mappingVersion)
                .query(rs -> {
                    counts.put(ItemKind.valueOf(rs.getString(1)), rs.getInt(2));
                });
        return counts;
    }

    List<StoredLink> linksFrom(String mappingVersion, String tscId) {
        return jdbc.sql(LINKS + " and m.tsc_id = :id order by i.sort_order")
                .param("mapping", mappingVersion).param("id", tscId).query(CatalogRepository::mapLink).list();
    }

    List<StoredLink> linksTo(String mappingVersion, String isoId) {
        return jdbc.sql(LINKS + " and m.iso_id = :id order by t.sort_order")
                .param("mapping", mappingVersion).param("id", isoId).query(CatalogRepository::mapLink).list();
    }

    private static StoredVersion mapVersion(ResultSet rs, int row) throws SQLException {
        return new StoredVersion(rs.getString("id"), Catalogue.valueOf(rs.getString("catalogue")), rs.getString("title"),
                rs.getBoolean("authoritative"), rs.getString("provenance"), rs.getString("maps_from"),
                rs.getString("maps_to"), rs.getTimestamp("loaded_at").toInstant());
    }

    private static CatalogItem mapItem(ResultSet rs, int row) throws SQLException {
        return new CatalogItem(rs.getString("item_id"), ItemKind.valueOf(rs.getString("kind")), rs.getString("title"),
                rs.getString("item_group"), rs.getString("parent_id"), (Boolean) rs.getObject("new_in_edition"),
                rs.getString("coso_principle"), rs.getString("catalog_version"));
    }

    private static StoredLink mapLink(ResultSet rs, int row) throws SQLException {
        return new StoredLink(rs.getString("tsc_id"), rs.getString("tsc_title"), rs.getString("iso_id"),
                ItemKind.valueOf(rs.getString("iso_kind")), rs.getString("iso_title"), rs.getString("relationship"));
    }
}
