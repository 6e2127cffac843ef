package org.auditmanager.soc2;

import java.time.LocalDate;
import java.util.Map;
import org.auditmanager.common.InvalidInputException;

/**
 * What to sample: one control of a Type II examination over its observation period.
 *
 * @param populationSize number of occurrences in the client's population listing; event-driven controls only
 * @param sampleSize     the size the sample-size table gives; fewer items are drawn when the population is smaller
 */
public record SampleRequest(LocalDate periodStart, LocalDate periodEnd, ControlFrequency frequency,
                            Integer populationSize, int sampleSize) {

    public SampleRequest {
        if (periodStart == null || periodEnd == null || periodEnd.isBefore(periodStart)) {
            throw invalid("periodEnd", "A sample needs an observation period that ends on or after its start.");
        }
        if (frequency == null) {
            throw invalid("frequency", "A sample needs the control's frequency.");
        }
        if (frequency == ControlFrequency.EVENT_DRIVEN && (populationSize == null || populationSize < 0)) {
            throw invalid("populationSize", "An event-driven control needs the size of its population (0 or more).");
        }
        if (frequency != ControlFrequency.EVENT_DRIVEN && populationSize != null) {
            throw invalid("populationSize", "Only an event-driven control has a population listing; a %s control "
                    .formatted(frequency) + "is sampled from the period's calendar.");
        }
        if (sampleSize < 0) {
            throw invalid("sampleSize", "The sample size must not be negative.");
        }
    }

    private static InvalidInputException invalid(String field, String rule) {
        return new InvalidInputException(rule, Map.of(field, rule));
    }
}
