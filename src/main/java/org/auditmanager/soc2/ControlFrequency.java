package org.auditmanager.soc2;

/**
 * How often a control runs, not how many transactions it covers (reference.md F.1): a weekly review of 15
 * reports is a weekly control. Event-driven controls run per event (a hire, a change) and come with a population.
 */
public enum ControlFrequency {
    ANNUAL,
    QUARTERLY,
    MONTHLY,
    WEEKLY,
    DAILY,
    MULTIPLE_TIMES_DAILY,
    EVENT_DRIVEN
}
