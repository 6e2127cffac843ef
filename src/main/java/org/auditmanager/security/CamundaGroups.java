package org.auditmanager.security;

import java.util.UUID;

/** How our roles and organisations are named as Camunda groups (candidateGroups, Tasklist, authorizations). */
public final class CamundaGroups {

    /** The webapps treat its members as administrators; the engine skips its checks for them. */
    public static final String CAMUNDA_ADMIN = "camunda-admin";
    /**
     * Every staff member, for the engine's authorization checks only: opening Cockpit and Tasklist and reading
     * process models. Never a candidate group, so the engine's own task grants to candidate groups never reach it.
     */
    public static final String STAFF_WEBAPPS = "staff-webapps";

    private static final String ORGANISATION_PREFIX = "org-";

    private CamundaGroups() {
    }

    public static String organisationGroup(UUID organisationId) {
        return ORGANISATION_PREFIX + organisationId;
    }

    public static String roleGroup(Role role) {
        return role.name();
    }
}
