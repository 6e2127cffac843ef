package org.auditmanager.catalog;

import java.time.Instant;
import java.util.Map;

/**
 * One loaded version of a catalogue, with where its content comes from and how much it holds.
 *
 * @param authoritative false when the content is not the standard setter's own (informal titles, third-party
 *                      mappings): pages show the provenance next to it
 * @param current whether this is the version the application uses now; older versions stay for the records
 *                that point to them
 * @param size items, or links for a mapping
 * @param byKind items by {@link ItemKind}; for a mapping, links by the kind of ISO item they reach
 * @param byGroup items by Annex A theme or TSC category, in catalogue order
 */
public record CatalogueVersion(
        String id,
        Catalogue catalogue,
        String title,
        boolean authoritative,
        String provenance,
        String mapsFrom,
        String mapsTo,
        Instant loadedAt,
        boolean current,
        int size,
        Map<ItemKind, Integer> byKind,
        Map<String, Integer> byGroup) {
}
