package org.auditmanager.soc2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.auditmanager.common.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Sampling through the running engine: the decision is the one the application deployed. */
@SpringBootTest
class Soc2SamplingTest {

    private static final ReportCoverage TWELVE_MONTHS =
            ReportCoverage.typeII(LocalDate.parse("2025-07-01"), LocalDate.parse("2026-06-30"));
    private static final ReportCoverage SIX_MONTHS =
            ReportCoverage.typeII(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-06-30"));

    @Autowired
    Soc2Sampling sampling;

    @Test
    void sampleSizesComeFromTheDeployedDecision() {
        assertThat(sampling.sampleSize(TWELVE_MONTHS, ControlFrequency.DAILY, null)).isEqualTo(30);
        assertThat(sampling.sampleSize(SIX_MONTHS, ControlFrequency.DAILY, null)).isEqualTo(20);
        assertThat(sampling.sampleSize(TWELVE_MONTHS, ControlFrequency.EVENT_DRIVEN, 240)).isEqualTo(35);
        assertThat(sampling.sampleSize(TWELVE_MONTHS, ControlFrequency.EVENT_DRIVEN, 40)).isEqualTo(40);
        assertThat(sampling.sampleSize(ReportCoverage.typeI(LocalDate.parse("2026-03-31")),
                ControlFrequency.WEEKLY, null)).isEqualTo(1);
    }

    @Test
    void aSelectionHasTheDecisionsSizeAndRecordsItsSeedForAReplay() {
        SampleSelection selection = sampling.select(SIX_MONTHS, ControlFrequency.DAILY, null);

        assertThat(selection.items()).hasSize(20);
        assertThat(selection.request().sampleSize()).isEqualTo(20);
        assertThat(selection.spread()).isEqualTo(SampleSpread.STRATIFIED);
        assertThat(sampling.select(SIX_MONTHS, ControlFrequency.DAILY, null, selection.seed())).isEqualTo(selection);
    }

    @Test
    void aSmallEventPopulationIsTestedInFull() {
        SampleSelection selection = sampling.select(TWELVE_MONTHS, ControlFrequency.EVENT_DRIVEN, 18, 5L);

        assertThat(selection.items()).extracting(SampleItem::index)
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18);
    }

    @Test
    void refusesAnEventDrivenControlWithoutItsPopulation() {
        assertThatThrownBy(() -> sampling.select(TWELVE_MONTHS, ControlFrequency.EVENT_DRIVEN, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("The sample-size table has no rule for a TYPE_II EVENT_DRIVEN control without a "
                        + "population size.");
    }

    @Test
    void refusesToSampleATypeIReportAcrossAPeriod() {
        assertThatThrownBy(() -> sampling.select(ReportCoverage.typeI(LocalDate.parse("2026-03-31")),
                ControlFrequency.DAILY, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("Only a Type II examination samples occurrences across a period");
    }
}
