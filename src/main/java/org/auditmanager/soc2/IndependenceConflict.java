package org.auditmanager.soc2;

/** A team member whose place on the engagement breaks an independence or objectivity rule, and why. */
public record IndependenceConflict(String username, String reason) {
}
