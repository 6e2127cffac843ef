package org.auditmanager.catalog;

/** What a catalogue item is. */
public enum ItemKind {
    /** an ISO/IEC 27001 requirement clause (4 to 10 and their sub-clauses) */
    CLAUSE,
    /** an ISO/IEC 27001 Annex A control */
    ANNEX_A_CONTROL,
    /** a Trust Services criterion */
    TSC_CRITERION
}
