package org.auditmanager.common;

import java.util.Map;

/** Input that breaks a rule: 400 with a message per failing field. */
public class InvalidInputException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public InvalidInputException(String detail, Map<String, String> fieldErrors) {
        super(detail);
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public InvalidInputException(String detail) {
        this(detail, Map.of());
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
