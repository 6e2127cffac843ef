package org.auditmanager.soc2;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The sample-size table of reference.md F.1, evaluated by the public DMN engine API from the deployed file. */
class Soc2SampleSizeDecisionTest {

    private static DmnEngine engine;
    private static DmnDecision decision;

    @BeforeAll
    static void parseTheDeployedTable() throws IOException {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream table =
                     Soc2SampleSizeDecisionTest.class.getResourceAsStream("/processes/soc2-sample-size.dmn")) {
            decision = engine.parseDecision(Soc2Sampling.DECISION_KEY, table);
        }
    }

    private static DmnDecisionResult evaluate(String reportType, ControlFrequency frequency, Integer populationSize,
                                              Integer periodMonths) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("reportType", reportType);
        variables.put("frequency", frequency.name());
        variables.put("populationSize", populationSize);
        variables.put("periodMonths", periodMonths);
        return engine.evaluateDecision(decision, variables);
    }

    private static Integer typeIISize(ControlFrequency frequency, Integer populationSize, int periodMonths) {
        return evaluate("TYPE_II", frequency, populationSize, periodMonths).getSingleEntry();
    }

    @ParameterizedTest(name = "{0} over {1} months: {2}")
    @CsvSource({
            "ANNUAL, 12, 1", "ANNUAL, 6, 1",
            "QUARTERLY, 12, 2", "QUARTERLY, 6, 2",
            "MONTHLY, 12, 3", "MONTHLY, 3, 3",
            "WEEKLY, 12, 10", "WEEKLY, 6, 10",
            "DAILY, 12, 30", "DAILY, 7, 30", "DAILY, 6, 20", "DAILY, 3, 20",
            "MULTIPLE_TIMES_DAILY, 12, 40", "MULTIPLE_TIMES_DAILY, 6, 40"})
    void givesTheSampleSizeOfEachCalendarFrequency(ControlFrequency frequency, int periodMonths, int expected) {
        assertThat(typeIISize(frequency, null, periodMonths)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "population {0}: {1}")
    @CsvSource({
            "0, 0", "1, 1", "24, 24", "25, 25", "50, 50",
            "51, 20", "100, 20",
            "101, 35", "250, 35",
            "251, 50", "100000, 50"})
    void givesTheSampleSizeOfEachEventDrivenPopulationBandAtItsEdges(int populationSize, int expected) {
        assertThat(typeIISize(ControlFrequency.EVENT_DRIVEN, populationSize, 12)).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(ControlFrequency.class)
    void typeITestsOneInstanceOfEveryControl(ControlFrequency frequency) {
        Integer populationSize = frequency == ControlFrequency.EVENT_DRIVEN ? 300 : null;

        assertThat(evaluate("TYPE_I", frequency, populationSize, null).<Integer>getSingleEntry()).isEqualTo(1);
    }

    @Test
    void everyTypeIIFrequencyAndPeriodLengthMatchesExactlyOneRule() {
        for (ControlFrequency frequency : ControlFrequency.values()) {
            for (int months = 1; months <= 12; months++) {
                Integer populationSize = frequency == ControlFrequency.EVENT_DRIVEN ? 60 : null;
                // UNIQUE hit policy: overlapping rules would throw here, missing ones leave the result empty
                assertThat(evaluate("TYPE_II", frequency, populationSize, months).getResultList())
                        .as("%s over %d months", frequency, months).hasSize(1);
            }
        }
    }

    @Test
    void anEventDrivenControlWithoutItsPopulationMatchesNoRule() {
        assertThat(evaluate("TYPE_II", ControlFrequency.EVENT_DRIVEN, null, 12).getResultList()).isEmpty();
    }

    @Test
    void aDailyControlWithoutThePeriodLengthMatchesNoRule() {
        assertThat(evaluate("TYPE_II", ControlFrequency.DAILY, null, null).getResultList()).isEmpty();
    }

    @ParameterizedTest(name = "{0} to {1}: {2} months")
    @CsvSource({
            "2026-01-01, 2026-06-30, 6",
            "2026-01-01, 2026-07-01, 7",
            "2025-07-01, 2026-06-30, 12",
            "2025-08-31, 2026-02-27, 6",
            "2025-08-31, 2026-02-28, 7",
            "2027-09-01, 2028-02-29, 6",
            "2026-01-15, 2026-04-14, 3"})
    void theTableReceivesThePeriodLengthWithAStartedMonthCountingAsWhole(LocalDate start, LocalDate end,
                                                                          int months) {
        assertThat(Soc2Sampling.startedMonths(start, end)).isEqualTo(months);
    }
}
