package org.auditmanager.forms;

import java.util.List;

/** A broken rule on one field, as a message code (messages.properties) with its arguments. */
public record FieldError(String code, List<Object> arguments) {

    static FieldError of(String code, Object... arguments) {
        return new FieldError(code, List.of(arguments));
    }
}
