package org.auditmanager.common;

import java.util.List;

/** A page of an API list: the items, and where this page stands in the whole. */
public record PageOf<T>(List<T> items, long total, int page, int size) {
}
