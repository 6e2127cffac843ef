package org.auditmanager.tasks;

/** A person a task can be handed to. */
public record Colleague(String username, String displayName) {
}
