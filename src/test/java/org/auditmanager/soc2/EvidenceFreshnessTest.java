package org.auditmanager.soc2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.auditmanager.common.InvalidInputException;
import org.auditmanager.soc2.FreshnessFlag.Problem;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EvidenceFreshnessTest {

    private static final ReportCoverage TYPE_II =
            ReportCoverage.typeII(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-06-30"));
    private static final ReportCoverage TYPE_I = ReportCoverage.typeI(LocalDate.parse("2026-03-31"));

    private final EvidenceFreshness freshness = new EvidenceFreshness(Soc2TestProperties.defaults());

    private static EvidenceDates evidence(String shownFrom, String shownTo, String collectedOn, boolean selfDated) {
        return new EvidenceDates("EV-1", LocalDate.parse(shownFrom), LocalDate.parse(shownTo),
                LocalDate.parse(collectedOn), selfDated);
    }

    private static List<Problem> problems(List<FreshnessFlag> flags) {
        return flags.stream().map(FreshnessFlag::problem).toList();
    }

    @Nested
    class TypeII {

        @Test
        void acceptsEvidenceFromInsideThePeriodCollectedDuringIt() {
            assertThat(freshness.check(TYPE_II, List.of(evidence("2026-03-02", "2026-03-02", "2026-03-02", false))))
                    .isEmpty();
        }

        @Test
        void acceptsEvidenceOnThePeriodsFirstAndLastDay() {
            assertThat(freshness.check(TYPE_II, List.of(evidence("2026-01-01", "2026-06-30", "2026-06-30", false))))
                    .isEmpty();
        }

        @ParameterizedTest(name = "shows {0} to {1}")
        @CsvSource({"2025-12-31, 2025-12-31", "2025-12-15, 2026-01-10", "2026-06-20, 2026-07-01"})
        void flagsEvidenceShowingDaysOutsideThePeriod(String shownFrom, String shownTo) {
            List<FreshnessFlag> flags =
                    freshness.check(TYPE_II, List.of(evidence(shownFrom, shownTo, "2026-07-01", true)));

            assertThat(problems(flags)).containsExactly(Problem.OUTSIDE_PERIOD);
            assertThat(flags.get(0).reason()).contains("must come from inside the observation period 2026-01-01 to "
                    + "2026-06-30");
        }

        @Test
        void flagsAScreenshotTakenAfterThePeriodEnd() {
            List<FreshnessFlag> flags = freshness.check(TYPE_II,
                    List.of(evidence("2026-03-02", "2026-03-02", "2026-07-01", false)));

            assertThat(problems(flags)).containsExactly(Problem.COLLECTED_AFTER_PERIOD);
            assertThat(flags.get(0).evidenceId()).isEqualTo("EV-1");
            assertThat(flags.get(0).reason()).contains("collected on 2026-07-01, after 2026-06-30");
        }

        @Test
        void acceptsASelfDatedExportCollectedAfterThePeriodEnd() {
            assertThat(freshness.check(TYPE_II, List.of(evidence("2026-01-01", "2026-06-30", "2026-08-10", true))))
                    .isEmpty();
        }

        @Test
        void acceptsLateCollectionWithinTheConfiguredGrace() {
            EvidenceFreshness withGrace = new EvidenceFreshness(
                    Soc2TestProperties.bind(Map.of("app.soc2.evidence.late-collection-grace-days", "14")));

            assertThat(withGrace.check(TYPE_II, List.of(evidence("2026-06-30", "2026-06-30", "2026-07-14", false))))
                    .isEmpty();
            assertThat(problems(withGrace.check(TYPE_II,
                    List.of(evidence("2026-06-30", "2026-06-30", "2026-07-15", false)))))
                    .containsExactly(Problem.COLLECTED_AFTER_PERIOD);
        }

        @Test
        void reportsBothProblemsOfOneItem() {
            assertThat(problems(freshness.check(TYPE_II,
                    List.of(evidence("2026-07-01", "2026-07-01", "2026-07-01", false)))))
                    .containsExactly(Problem.OUTSIDE_PERIOD, Problem.COLLECTED_AFTER_PERIOD);
        }
    }

    @Nested
    class TypeI {

        @ParameterizedTest(name = "shows {0}")
        @CsvSource({"2026-03-01", "2026-03-31", "2026-04-30"})
        void acceptsEvidenceWithinThirtyDaysOfTheAsOfDate(String shown) {
            assertThat(freshness.check(TYPE_I, List.of(evidence(shown, shown, "2026-04-30", false)))).isEmpty();
        }

        @ParameterizedTest(name = "shows {0} to {1}")
        @CsvSource({"2026-02-28, 2026-02-28", "2026-01-01, 2026-02-28", "2026-05-01, 2026-05-01"})
        void flagsEvidenceMoreThanThirtyDaysFromTheAsOfDate(String shownFrom, String shownTo) {
            List<FreshnessFlag> flags =
                    freshness.check(TYPE_I, List.of(evidence(shownFrom, shownTo, "2026-05-01", false)));

            assertThat(problems(flags)).containsExactly(Problem.NOT_AS_OF_DATE);
            assertThat(flags.get(0).reason())
                    .contains("must show the state as of 2026-03-31 (accepted from 2026-03-01 to 2026-04-30");
        }

        @Test
        void acceptsARangeThatReachesIntoTheTolerance() {
            assertThat(freshness.check(TYPE_I, List.of(evidence("2026-01-01", "2026-03-01", "2026-03-01", false))))
                    .isEmpty();
        }

        @Test
        void followsTheConfiguredTolerance() {
            EvidenceFreshness exact = new EvidenceFreshness(
                    Soc2TestProperties.bind(Map.of("app.soc2.evidence.as-of-tolerance-days", "0")));

            assertThat(exact.check(TYPE_I, List.of(evidence("2026-03-31", "2026-03-31", "2026-03-31", false))))
                    .isEmpty();
            assertThat(problems(exact.check(TYPE_I,
                    List.of(evidence("2026-03-30", "2026-03-30", "2026-03-31", false)))))
                    .containsExactly(Problem.NOT_AS_OF_DATE);
        }
    }

    @Test
    void refusesEvidenceThatShowsDaysAfterItWasCollected() {
        assertThatThrownBy(() -> evidence("2026-03-01", "2026-03-05", "2026-03-04", false))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Evidence EV-1 cannot show days after the day it was collected.");
    }
}
