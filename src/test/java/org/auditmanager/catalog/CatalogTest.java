package org.auditmanager.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.assertj.core.groups.Tuple;
import org.auditmanager.common.InvalidInputException;
import org.auditmanager.common.NotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@CatalogSliceTest
class CatalogTest {

    @Autowired
    Catalog catalog;

    @Test
    void mapsACriterionToTheAnnexAControlsOfTheMapping() {
        assertThat(catalog.mappedIsoControls("CC6.1")).extracting(CatalogItem::id)
                .containsExactly("A.5.12", "A.5.13", "A.5.15", "A.5.16", "A.5.17", "A.6.7", "A.8.2", "A.8.5", "A.8.22",
                        "A.8.24", "A.8.31");
    }

    @Test
    void leavesClausesOutOfTheMappedControls() {
        // CC1.3 links to 7 controls and 15 clauses
        assertThat(catalog.mappedIsoControls("CC1.3")).hasSize(7).allMatch(item -> item.kind() == ItemKind.ANNEX_A_CONTROL);
        assertThat(catalog.mappingsFrom("CC1.3").links()).hasSize(22);
    }

    @Test
    void mapsAControlOrClauseBackToItsCriteria() {
        assertThat(catalog.mappedCriteria("A.5.15")).extracting(CatalogItem::id)
                .containsExactly("CC6.1", "CC6.2", "CC6.3", "CC6.4");
        assertThat(catalog.mappedCriteria("6.1.3")).extracting(CatalogItem::id)
                .containsExactly("CC3.2", "CC3.3", "CC3.4", "CC9.1");
    }

    @Test
    void answersNoMappingWhereTheThirdPartyMappingHasAGap() {
        assertThat(catalog.mappedIsoControls("CC5.1")).isEmpty();
        assertThat(catalog.mappedCriteria("A.5.5")).isEmpty();
    }

    @Test
    void givesTheMappingsProvenanceWithEveryAnswer() {
        Mappings mappings = catalog.mappingsTo("A.5.15");

        assertThat(mappings.direction()).isEqualTo(Mappings.Direction.TO);
        assertThat(mappings.authoritative()).isFalse();
        assertThat(mappings.provenance()).contains("non-authoritative");
        assertThat(mappings.links()).extracting(Link::id, Link::relationship).containsExactly(
                Tuple.tuple("CC6.1", "equivalent"), Tuple.tuple("CC6.2", "intersect"),
                Tuple.tuple("CC6.3", "intersect"), Tuple.tuple("CC6.4", "intersect"));
    }

    @Test
    void selectsCriteriaByTheCategoriesOfAnEngagement() {
        assertThat(catalog.criteria(Set.of("Security", "Availability"))).hasSize(36);
        assertThat(catalog.criteria(List.of("processing integrity"))).extracting(CatalogItem::id)
                .containsExactly("PI1.1", "PI1.2", "PI1.3", "PI1.4", "PI1.5");
        assertThat(catalog.criteria(List.of())).hasSize(61);
    }

    @Test
    void refusesAnUnknownCategoryOrTheme() {
        assertThatThrownBy(() -> catalog.criteria(List.of("Security", "Integrity")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Unknown category 'Integrity'");
        assertThatThrownBy(() -> catalog.isoControls("Human")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Organizational, People, Physical, Technological");
    }

    @Test
    void knowsWhichIdsExist() {
        assertThat(catalog.exists("A.5.15")).isTrue();
        assertThat(catalog.exists("CC6.1")).isTrue();
        assertThat(catalog.exists("7.5.3")).isTrue();
        assertThat(catalog.exists("A.5.38")).isFalse();
        assertThat(catalog.exists(" ")).isFalse();
        assertThatThrownBy(() -> catalog.entry("A.14.2.1")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void refusesMappingsAskedTheWrongWayRound() {
        assertThatThrownBy(() -> catalog.mappingsFrom("A.5.15")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> catalog.mappingsTo("CC6.1")).isInstanceOf(InvalidInputException.class);
    }
}
