package org.auditmanager.catalog;

/** The item at the other end of a mapping link, and how the two relate (the mapping source's own term). */
public record Link(String id, ItemKind kind, String title, String relationship) {
}
