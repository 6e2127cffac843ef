package org.auditmanager.signoff;

/** What a sign-off says, whatever the task calls it: approve, return for changes with a comment, or refuse. */
public enum SignOffDecision {
    APPROVE,
    RETURN,
    REFUSE
}
