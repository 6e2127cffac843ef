package org.auditmanager.forms;

import java.util.List;

/**
 * One component of a Camunda Form. {@code type} is the form-js type name (textfield, textarea, number,
 * checkbox, checklist, radio, select, datetime, text).
 */
public record FormComponent(String id, String type, String key, String label, String description, String text,
                            String subtype, List<Option> values, Validation validate, boolean readonly) {

    public static final String TEXT = "text";

    public boolean isInput() {
        return key != null && !TEXT.equals(type) && !readonly;
    }

    public boolean required() {
        return validate.required();
    }

    public boolean allows(String value) {
        return values.stream().anyMatch(option -> option.value().equals(value));
    }

    /** A choice in a radio, select or checklist. */
    public record Option(String label, String value) {
    }

    /** The form-js validate block; absent limits are null. */
    public record Validation(boolean required, Double min, Double max, Integer minLength, Integer maxLength,
                             String pattern, String validationType) {

        static final Validation NONE = new Validation(false, null, null, null, null, null, null);
    }
}
