package org.auditmanager.soc2;

/**
 * How a sample is spread over the period (reference.md F.1: selections spread across the whole period ◐).
 * Both draw without replacement.
 */
public enum SampleSpread {
    /**
     * The population, in date order, is cut into as many consecutive strata of (nearly) equal size as there are
     * items to pick, and one item is drawn at random in each: every part of the period is represented.
     */
    STRATIFIED,
    /** Every set of items is equally likely; a sample may cluster in one part of the period. */
    UNIFORM
}
