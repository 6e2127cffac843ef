package org.auditmanager.catalog;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** A control, clause or criterion with its mapping links. */
public record CatalogEntry(@JsonUnwrapped CatalogItem item, Mappings mappings) {
}
