package org.auditmanager.engagement;

/** The standard an engagement audits against. */
public enum Framework {
    ISO27001,
    SOC2
}
