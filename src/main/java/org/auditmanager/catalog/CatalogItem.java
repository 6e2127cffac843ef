package org.auditmanager.catalog;

/**
 * One clause, Annex A control or TSC criterion of one catalogue version.
 *
 * @param group the Annex A theme, the TSC category, or the top-level clause a clause belongs to
 * @param parentId the enclosing clause (clauses only)
 * @param newInEdition Annex A only: a control without a predecessor in the previous edition
 * @param cosoPrinciple TSC only: the COSO 2013 principle a common criterion follows, if any
 */
public record CatalogItem(
        String id,
        ItemKind kind,
        String title,
        String group,
        String parentId,
        Boolean newInEdition,
        String cosoPrinciple,
        String catalogVersion) {

    /** 0 for a top-level clause, 1 for 6.1, 2 for 6.1.3; 0 for controls and criteria */
    public int depth() {
        return kind == ItemKind.CLAUSE ? (int) id.chars().filter(c -> c == '.').count() : 0;
    }
}
