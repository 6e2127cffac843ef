package org.auditmanager.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

@CatalogSliceTest
class CatalogLoaderTest {

    @Autowired
    CatalogLoader loader;
    @Autowired
    CatalogManifest manifest;
    @Autowired
    Catalog catalog;

    @Test
    void loadsTheAnnexAControlsOfIso27001In2022ByTheme() {
        CatalogueVersion iso = catalog.currentVersion(Catalogue.ISO27001);

        assertThat(iso.id()).isEqualTo("ISO27001:2022");
        assertThat(iso.byKind()).containsEntry(ItemKind.ANNEX_A_CONTROL, 93);
        assertThat(iso.byGroup()).containsExactly(Map.entry("Organizational", 37), Map.entry("People", 8),
                Map.entry("Physical", 14), Map.entry("Technological", 34));
        assertThat(catalog.isoControls()).hasSize(93).first().extracting(CatalogItem::id).isEqualTo("A.5.1");
        assertThat(catalog.isoControls().stream().filter(CatalogItem::newInEdition)).hasSize(11);
    }

    @Test
    void loadsClauses4To10WithTheirSubClauses() {
        assertThat(catalog.currentVersion(Catalogue.ISO27001).byKind()).containsEntry(ItemKind.CLAUSE, 41);
        assertThat(catalog.isoClauses().stream().filter(clause -> clause.parentId() == null).map(CatalogItem::id))
                .containsExactly("4", "5", "6", "7", "8", "9", "10");
        assertThat(catalog.find("6.3")).get().extracting(CatalogItem::title).isEqualTo("Planning of changes");
        assertThat(catalog.find("9.3.2")).get().extracting(CatalogItem::parentId, CatalogItem::group)
                .containsExactly("9.3", "9");
    }

    @Test
    void loadsThe61TrustServicesCriteriaByCategory() {
        CatalogueVersion tsc = catalog.currentVersion(Catalogue.TSC);

        assertThat(tsc.id()).isEqualTo("TSC:2017");
        assertThat(tsc.size()).isEqualTo(61);
        assertThat(tsc.byGroup()).containsExactly(Map.entry("Security", 33), Map.entry("Availability", 3),
                Map.entry("Confidentiality", 2), Map.entry("Processing Integrity", 5), Map.entry("Privacy", 18));
        // a quoted field with commas in it
        assertThat(catalog.find("CC1.3")).get().extracting(CatalogItem::title)
                .isEqualTo("Structures, reporting lines, authorities and responsibilities");
    }

    @Test
    void loadsEveryRowOfTheMappingFilesWithTheirProvenance() {
        CatalogueVersion mapping = catalog.currentVersion(Catalogue.TSC_TO_ISO27001);

        // mapping-tsc-to-iso27001-2022.csv: 193 rows after the header, 106 to Annex A and 87 to clauses;
        // the S43 supplement: 12 more rows, all to Annex A
        assertThat(mapping.id()).isEqualTo("TSC2017-ISO27001-2022:intuitem-f990d7b1+S43");
        assertThat(mapping.size()).isEqualTo(205);
        assertThat(mapping.byKind()).containsEntry(ItemKind.ANNEX_A_CONTROL, 118).containsEntry(ItemKind.CLAUSE, 87);
        assertThat(mapping.authoritative()).isFalse();
        assertThat(mapping.provenance()).contains("Third-party and non-authoritative", "intersect", "S43");
        assertThat(mapping.mapsFrom()).isEqualTo("TSC:2017");
        assertThat(mapping.mapsTo()).isEqualTo("ISO27001:2022");
        assertThat(catalog.versions()).filteredOn(version -> version.id().equals("TSC2017-ISO27001-2022:intuitem-f990d7b1"))
                .singleElement().extracting(CatalogueVersion::size).isEqualTo(193);
    }

    @Test
    void aSupplementedLinkKeepsItsSourcesTermAndTheRollUpKeepsIts() {
        Map<String, String> cc61 = catalog.mappingsFrom("CC6.1").links().stream()
                .collect(java.util.stream.Collectors.toMap(Link::id, Link::relationship));

        assertThat(cc61).containsEntry("A.5.15", "equivalent").containsEntry("A.8.2", "listed")
                .containsEntry("A.5.16", "intersect");
    }

    @Test
    void loadingAgainChangesNothing() {
        var before = catalog.versions();

        assertThat(loader.load(manifest)).isEmpty();

        assertThat(catalog.versions()).isEqualTo(before);
    }

    @Test
    void refusesAFileChangedUnderAVersionAlreadyLoaded() {
        CatalogManifest changed = CatalogManifest.read(new ClassPathResource("catalog-test/changed-under-loaded-version.yml"));

        assertThatThrownBy(() -> loader.load(changed)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TSC:2017 is already loaded").hasMessageContaining("new version id");
    }

    @Test
    void loadsAChangedFileUnderANewVersionBesideTheOldOne() {
        CatalogManifest revised = CatalogManifest.read(new ClassPathResource("catalog-test/changed-under-new-version.yml"));

        assertThat(loader.load(revised)).containsExactly("TSC:2017-retitled");

        assertThat(catalog.versions()).extracting(CatalogueVersion::id).contains("TSC:2017", "TSC:2017-retitled");
        // the application still uses its own current version, whose rows are untouched
        assertThat(catalog.find("CC1.1")).get().extracting(CatalogItem::title, CatalogItem::catalogVersion)
                .containsExactly("Commitment to integrity and ethical values", "TSC:2017");
    }

    @Test
    void refusesAMappingToAControlTheCatalogueDoesNotHave() {
        CatalogManifest broken = CatalogManifest.read(new ClassPathResource("catalog-test/mapping-to-unknown-control.yml"));

        assertThatThrownBy(() -> loader.load(broken)).isInstanceOf(IllegalStateException.class)
                .hasMessage("catalog/mapping-unknown-control.csv line 3: A.5.99 is not a ANNEX_A_CONTROL of ISO27001:2022.");
    }

    @Test
    void refusesAManifestWhoseMappingPointsToAVersionNotListedAboveIt() {
        assertThatThrownBy(() -> CatalogManifest.read(new ClassPathResource("catalog-test/mapping-before-catalogues.yml")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("maps-from and maps-to");
    }
}
