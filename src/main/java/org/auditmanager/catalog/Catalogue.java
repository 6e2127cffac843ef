package org.auditmanager.catalog;

/** The catalogues the application ships; each one is loaded in versions (see catalog/catalogues.yml). */
public enum Catalogue {
    /** ISO/IEC 27001: clauses 4 to 10 and the Annex A controls */
    ISO27001,
    /** AICPA Trust Services Criteria, the criteria of a SOC 2 examination */
    TSC,
    /** links from TSC criteria to ISO/IEC 27001 controls and clauses */
    TSC_TO_ISO27001
}
