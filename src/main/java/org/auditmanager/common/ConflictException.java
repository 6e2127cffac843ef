package org.auditmanager.common;

/** The request clashes with the current state (already claimed, already completed, duplicate name): 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String detail) {
        super(detail);
    }
}
