package org.auditmanager.soc2;

/** Evidence that may not prove what the report speaks of, with the rule it breaks in words. */
public record FreshnessFlag(String evidenceId, Problem problem, String reason) {

    public enum Problem {
        /** Type II: shows days outside the observation period */
        OUTSIDE_PERIOD,
        /** Type II: captured after the period end without a trustworthy date of its own */
        COLLECTED_AFTER_PERIOD,
        /** Type I: does not show the state around the as-of date */
        NOT_AS_OF_DATE
    }
}
