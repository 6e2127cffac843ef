package org.auditmanager.common;

/**
 * The caller may see the record but a rule forbids this action (an impartiality rule, say): 403 with the
 * reason, so that the person knows why.
 */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String reason) {
        super(reason);
    }
}
