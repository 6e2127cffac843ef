package org.auditmanager.timeline;

/**
 * Where a timeline entry stands today. A deadline is DONE once it has an actual date, OVERDUE the day after its
 * due date, DUE_SOON from its first reminder on ({@code app.iso.cycle.reminders-before-due}, 14 days by default)
 * and PLANNED before. A date that is only informative (certificate expiry, the observation period, the
 * bridge-letter cover) is PLANNED until it has passed and DONE after: it is never overdue.
 */
public enum MilestoneStatus {
    DONE,
    OVERDUE,
    DUE_SOON,
    PLANNED
}
