package org.auditmanager.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;

/** The migrations, the loader and the catalogue queries on PostgreSQL, the production database. */
@CatalogSliceTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import(EmbeddedPostgresDatabase.class)
class CatalogOnPostgresTest {

    @Autowired
    Catalog catalog;
    @Autowired
    CatalogLoader loader;
    @Autowired
    CatalogManifest manifest;

    @Test
    void loadsOnceAndAnswersTheSameAsOnH2() {
        assertThat(loader.load(manifest)).isEmpty();

        assertThat(catalog.currentVersion(Catalogue.ISO27001).byGroup()).containsExactly(Map.entry("Organizational", 37),
                Map.entry("People", 8), Map.entry("Physical", 14), Map.entry("Technological", 34));
        assertThat(catalog.isoClauses()).hasSize(41);
        assertThat(catalog.criteria(java.util.List.of("Security", "Privacy"))).hasSize(51);
        assertThat(catalog.currentVersion(Catalogue.TSC_TO_ISO27001).size()).isEqualTo(205);
        assertThat(catalog.mappedCriteria("A.5.15")).extracting(CatalogItem::id).containsExactly("CC6.1", "CC6.2", "CC6.3", "CC6.4");
        assertThat(catalog.mappedIsoControls("CC6.1")).hasSize(11);
    }
}
