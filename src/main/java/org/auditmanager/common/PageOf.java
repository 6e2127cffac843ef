package org.auditmanager.common;

import java.util.List;

/** A page of an API list: the items, and where this page stands in the whole. */
public record PageOf<T>(List<T> items, long total, int page, int size) {

    /** The requested page of a list already read whole (short lists that are not read page by page). */
    public static <T> PageOf<T> of(List<T> all, PageRequest request) {
        long from = Math.min((long) request.page() * request.size(), all.size());
        long to = Math.min(from + request.size(), all.size());
        return new PageOf<>(List.copyOf(all.subList((int) from, (int) to)), all.size(), request.page(),
                request.size());
    }
}
