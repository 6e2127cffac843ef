package org.auditmanager.security;

/** Application roles. Each one is also a Camunda group with the same id, so BPMN candidateGroups can name it. */
public enum Role {
    ADMIN,
    ENGAGEMENT_MANAGER,
    AUDITOR,
    /** certification decision maker (ISO) or engagement quality reviewer (SOC 2) */
    REVIEWER,
    /** a compliance manager of one audited organisation */
    CLIENT;

    public boolean isStaff() {
        return this != CLIENT;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
