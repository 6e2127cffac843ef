package org.auditmanager.iso;

/** Whether a planned Stage 2 start respects the maximum interval after Stage 1 (reference.md A.3). */
public enum Stage2Timing {
    /** Stage 2 starts within the configured maximum interval after Stage 1's last day. */
    WITHIN_MAXIMUM_INTERVAL,
    /** Past the maximum: the CB records a justified "Stage 1 still valid?" decision (EA FAQ 49.3) or redoes Stage 1. */
    STAGE1_VALIDITY_DECISION_REQUIRED,
    /** Past the maximum, and the configuration allows no validity decision: Stage 1 is repeated. */
    STAGE1_REPEAT_REQUIRED
}
