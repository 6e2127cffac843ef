package org.auditmanager.engagement;

public record TeamMember(String username, String displayName, TeamRole role) {
}
