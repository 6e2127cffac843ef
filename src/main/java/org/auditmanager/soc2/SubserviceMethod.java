package org.auditmanager.soc2;

/** How a subservice organisation is treated in the report (reference.md E.6). */
public enum SubserviceMethod {
    /** its controls are excluded from scope and opinion; the description lists the CSOCs it is assumed to operate */
    CARVE_OUT,
    /** its relevant controls are included, tested and covered by the opinion */
    INCLUSIVE
}
