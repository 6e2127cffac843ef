package org.auditmanager.catalog;

import java.util.List;

/**
 * The mapping links of one item, with the mapping's provenance: a mapping says two items overlap, it does
 * not make them equivalent, and a third-party one is not authoritative.
 *
 * @param itemId the item asked about
 * @param direction FROM when the item is a TSC criterion (links to ISO), TO when it is an ISO item
 */
public record Mappings(
        String itemId,
        Direction direction,
        String mappingVersion,
        String mappingTitle,
        boolean authoritative,
        String provenance,
        List<Link> links) {

    public enum Direction { FROM, TO }
}
