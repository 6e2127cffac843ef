package org.auditmanager.audit;

import java.util.HashMap;
import java.util.Map;

/** Narrows an engagement's trail by action and by actor; both optional. */
public record TrailFilter(String action, String actor) {

    String predicate() {
        return (blank(action) ? "" : " and action = :action") + (blank(actor) ? "" : " and actor = :actor");
    }

    Map<String, Object> parameters() {
        Map<String, Object> parameters = new HashMap<>();
        if (!blank(action)) {
            parameters.put("action", action);
        }
        if (!blank(actor)) {
            parameters.put("actor", actor);
        }
        return parameters;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
