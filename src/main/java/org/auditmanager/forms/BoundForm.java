package org.auditmanager.forms;

import java.util.Map;

/**
 * Submitted form values converted to the types Camunda Forms uses (text, number, boolean, date as ISO text),
 * and the errors of the fields that break their rules. Values are kept even when invalid so the form can be
 * shown again with what the person typed.
 */
public record BoundForm(Map<String, Object> values, Map<String, String> rawValues, Map<String, FieldError> errors) {

    public boolean isValid() {
        return errors.isEmpty();
    }
}
