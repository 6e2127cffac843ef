package org.auditmanager.common;

/**
 * Unknown, or not visible to the caller. Both answer 404 so that nothing reveals whether another
 * organisation's record exists.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what + " not found");
    }
}
