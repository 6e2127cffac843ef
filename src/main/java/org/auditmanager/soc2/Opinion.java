package org.auditmanager.soc2;

/** The service auditor's opinion (reference.md E.5). */
public enum Opinion {
    /** fairly presented, suitably designed and (Type II) operating effectively; may still list exceptions */
    UNMODIFIED,
    /** "except for": a limited, non-pervasive failure or scope limitation */
    QUALIFIED,
    /** material and pervasive failure */
    ADVERSE,
    /** pervasive scope limitation: no opinion is given */
    DISCLAIMER
}
