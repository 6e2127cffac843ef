package org.auditmanager.soc2;

/** Outcome of testing one control (reference.md E.5): "no exceptions noted", or deviations found. */
public enum TestResult {
    NO_EXCEPTION,
    EXCEPTION
}
