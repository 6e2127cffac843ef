package org.auditmanager.soc2;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.auditmanager.common.InvalidInputException;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Service;

/**
 * Sample sizes from the deployed decision {@value #DECISION_KEY} (processes/soc2-sample-size.dmn, the same table
 * a business rule task would call) and sample selection with a fresh, recorded seed.
 */
@Service
public class Soc2Sampling {

    public static final String DECISION_KEY = "soc2SampleSize";

    private final DecisionService decisions;
    private final SampleSelector selector;
    private final SecureRandom seeds = new SecureRandom();

    Soc2Sampling(DecisionService decisions, SampleSelector selector) {
        this.decisions = decisions;
        this.selector = selector;
    }

    /** How many occurrences of the control to test; {@code populationSize} only for event-driven controls. */
    public int sampleSize(ReportCoverage coverage, ControlFrequency frequency, Integer populationSize) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("reportType", coverage.kind().name());
        variables.put("frequency", frequency.name());
        variables.put("populationSize", populationSize);
        variables.put("periodMonths",
                coverage.isTypeII() ? startedMonths(coverage.periodStart(), coverage.periodEnd()) : null);
        DmnDecisionResult result = decisions.evaluateDecisionByKey(DECISION_KEY).variables(variables).evaluate();
        DmnDecisionResultEntries size = result.getSingleResult();
        if (size == null || size.getSingleEntry() == null) {
            String rule = "The sample-size table has no rule for a %s %s control%s.".formatted(coverage.kind(),
                    frequency, populationSize == null ? " without a population size" : " with " + populationSize
                            + " occurrences");
            throw new InvalidInputException(rule, Map.of("frequency", rule));
        }
        return ((Number) size.getSingleEntry()).intValue();
    }

    /** Draws a new sample of a Type II control with a fresh seed, which the selection records. */
    public SampleSelection select(ReportCoverage coverage, ControlFrequency frequency, Integer populationSize) {
        return select(coverage, frequency, populationSize, seeds.nextLong());
    }

    /** Draws the sample for a given seed: the same inputs and seed give the same selection. */
    public SampleSelection select(ReportCoverage coverage, ControlFrequency frequency, Integer populationSize,
                                  long seed) {
        if (!coverage.isTypeII()) {
            String rule = "Only a Type II examination samples occurrences across a period; a Type I report tests "
                    + "one instance of each control as of its date.";
            throw new InvalidInputException(rule, Map.of("kind", rule));
        }
        int size = sampleSize(coverage, frequency, populationSize);
        return selector.select(new SampleRequest(coverage.periodStart(), coverage.periodEnd(), frequency,
                populationSize, size), seed);
    }

    /** The period's length in months, a started month counting as a whole one (so larger samples win ties). */
    static int startedMonths(LocalDate start, LocalDate end) {
        LocalDate dayAfter = end.plusDays(1);
        long whole = ChronoUnit.MONTHS.between(start, dayAfter);
        return (int) (start.plusMonths(whole).isBefore(dayAfter) ? whole + 1 : whole);
    }
}
