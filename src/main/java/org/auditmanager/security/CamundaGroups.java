package org.auditmanager.security;

import java.util.UUID;

/** How our roles and organisations are named as Camunda groups (candidateGroups, Tasklist, authorizations). */
public final class CamundaGroups {

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
