package org.auditmanager.forms;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A form ready for the page: its schema, each field's value as text and each field's error message. The
 * template asks it, so that the same fragment renders a fresh form and one sent back with errors.
 */
public record RenderedForm(FormDefinition definition, Map<String, String> values, Map<String, String> errors) {

    /** A form showing the task's current variables. */
    public static RenderedForm of(FormDefinition definition, Map<String, Object> variables) {
        Map<String, String> values = new LinkedHashMap<>();
        variables.forEach((key, value) -> values.put(key, value == null ? "" : String.valueOf(value)));
        return new RenderedForm(definition, values, Map.of());
    }

    public String value(String key) {
        return values.getOrDefault(key, "");
    }

    public boolean isChecked(String key) {
        return "true".equalsIgnoreCase(value(key)) || "on".equalsIgnoreCase(value(key));
    }

    public boolean isSelected(String key, String option) {
        return Arrays.asList(value(key).split(FormBinder.LIST_SEPARATOR)).contains(option);
    }

    public String error(String key) {
        return errors.get(key);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }
}
