package org.auditmanager.soc2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import org.auditmanager.common.InvalidInputException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class Soc2PolicyTest {

    private final Soc2Policy policy = policy(Map.of());

    private static Soc2Policy policy(Map<String, String> properties) {
        return new Soc2Policy(Soc2TestProperties.bind(properties), Soc2TestProperties.periodPolicy());
    }

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    private static ReportCoverage typeII(String start, String end) {
        return ReportCoverage.typeII(date(start), date(end));
    }

    @Nested
    class ReportDue {

        @Test
        void isSixtyDaysAfterTheTypeIIPeriodEnd() {
            assertThat(policy.reportDue(typeII("2026-01-01", "2026-06-30"))).isEqualTo(date("2026-08-29"));
        }

        @Test
        void landsOnALeapDay() {
            assertThat(policy.reportDue(typeII("2027-07-01", "2027-12-31"))).isEqualTo(date("2028-02-29"));
        }

        @Test
        void isSixtyDaysAfterTheTypeIAsOfDate() {
            assertThat(policy.reportDue(ReportCoverage.typeI(date("2026-03-31")))).isEqualTo(date("2026-05-30"));
        }

        @Test
        void followsTheConfiguredNumberOfDays() {
            assertThat(policy(Map.of("app.soc2.report.due-days", "45")).reportDue(typeII("2026-01-01", "2026-06-30")))
                    .isEqualTo(date("2026-08-14"));
        }
    }

    @Nested
    class ReportCurrency {

        @Test
        void aReportIsCurrentForTwelveMonthsAfterThePeriodEnd() {
            assertThat(policy.reportCurrentUntil(typeII("2025-07-01", "2026-06-30"))).isEqualTo(date("2027-06-30"));
        }

        @Test
        void aReportEndingOnALeapDayIsCurrentUntilTheEndOfFebruary() {
            assertThat(policy.reportCurrentUntil(typeII("2023-09-01", "2024-02-29"))).isEqualTo(date("2025-02-28"));
        }

        @Test
        void followsTheConfiguredMonths() {
            assertThat(policy(Map.of("app.soc2.report.current-months", "6"))
                    .reportCurrentUntil(ReportCoverage.typeI(date("2026-03-31")))).isEqualTo(date("2026-09-30"));
        }
    }

    @Nested
    class BridgeLetter {

        @Test
        void reachesThreeMonthsPastAQuarterEnd() {
            assertThat(policy.latestBridgeLetterEnd(typeII("2025-07-01", "2026-06-30"))).isEqualTo(date("2026-09-30"));
            assertThat(policy.latestBridgeLetterEnd(typeII("2025-10-01", "2026-09-30"))).isEqualTo(date("2026-12-31"));
        }

        @Test
        void endsOnTheLastDayOfShorterMonths() {
            assertThat(policy.latestBridgeLetterEnd(typeII("2025-09-01", "2026-08-31"))).isEqualTo(date("2026-11-30"));
            assertThat(policy.latestBridgeLetterEnd(typeII("2025-06-01", "2025-11-30"))).isEqualTo(date("2026-02-28"));
            assertThat(policy.latestBridgeLetterEnd(typeII("2027-06-01", "2027-11-30"))).isEqualTo(date("2028-02-29"));
        }

        @Test
        void coversFromTheDayAfterThePeriodToTheRequestedEnd() {
            BridgeLetterCover cover = policy.bridgeLetter(typeII("2025-07-01", "2026-06-30"), date("2026-09-30"));

            assertThat(cover).isEqualTo(new BridgeLetterCover(date("2026-07-01"), date("2026-09-30")));
        }

        @Test
        void refusesACoverOneDayLongerThanThreeMonths() {
            assertThatThrownBy(() -> policy.bridgeLetter(typeII("2025-07-01", "2026-06-30"), date("2026-10-01")))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("A bridge letter may cover at most 3 months after the report's last day (2026-06-30), "
                            + "so up to 2026-09-30; a longer gap to 2026-10-01 calls for a new report.")
                    .satisfies(e -> assertThat(((InvalidInputException) e).fieldErrors()).containsKey("coverEnd"));
        }

        @Test
        void refusesACoverThatEndsWithinThePeriod() {
            assertThatThrownBy(() -> policy.bridgeLetter(typeII("2025-07-01", "2026-06-30"), date("2026-06-30")))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("covers the days after the report's last day (2026-06-30)");
        }

        @Test
        void bridgesFromATypeIAsOfDate() {
            assertThat(policy.latestBridgeLetterEnd(ReportCoverage.typeI(date("2026-03-31"))))
                    .isEqualTo(date("2026-06-30"));
        }

        @Test
        void followsTheConfiguredMaximum() {
            Soc2Policy oneMonth = policy(Map.of("app.soc2.bridge-letter.maximum-months", "1"));

            assertThat(oneMonth.latestBridgeLetterEnd(typeII("2025-07-01", "2026-06-30")))
                    .isEqualTo(date("2026-07-31"));
        }
    }

    @Nested
    class Rollover {

        @Test
        void nextPeriodStartsTheDayAfterAndKeepsTwelveMonths() {
            assertThat(policy.nextPeriod(typeII("2025-07-01", "2026-06-30")))
                    .isEqualTo(typeII("2026-07-01", "2027-06-30"));
        }

        @Test
        void sixMonthsEndingOnALeapDayRollIntoSixMonthsEndingOnAMonthEnd() {
            assertThat(policy.nextPeriod(typeII("2023-09-01", "2024-02-29")))
                    .isEqualTo(typeII("2024-03-01", "2024-08-31"));
        }

        @Test
        void twelveMonthsOverALeapDayRollIntoTwelveMonths() {
            assertThat(policy.nextPeriod(typeII("2023-03-01", "2024-02-29")))
                    .isEqualTo(typeII("2024-03-01", "2025-02-28"));
        }

        @Test
        void aPeriodStartingOnTheThirtyFirstKeepsItsMonthCount() {
            // 31 August + 6 months is 28 February (clamped), so the period ends on 27 February: 6 months
            assertThat(policy.nextPeriod(typeII("2025-08-31", "2026-02-27")))
                    .isEqualTo(typeII("2026-02-28", "2026-08-27"));
        }

        @Test
        void aPeriodOfMonthsAndDaysKeepsBoth() {
            // 2026-01-15 to 2026-07-20 is 6 months and 6 days
            assertThat(policy.nextPeriod(typeII("2026-01-15", "2026-07-20")))
                    .isEqualTo(typeII("2026-07-21", "2027-01-26"));
        }

        @Test
        void followsTheConfiguredLengthInsteadOfTheSameLength() {
            Soc2Policy twelveMonths = policy(Map.of("app.soc2.rollover.next-period-months", "12"));

            assertThat(twelveMonths.nextPeriod(typeII("2026-01-01", "2026-06-30")))
                    .isEqualTo(typeII("2026-07-01", "2027-06-30"));
        }

        @Test
        void typeIRollsIntoASixMonthTypeIIFromTheDayAfterTheAsOfDate() {
            assertThat(policy.nextPeriod(ReportCoverage.typeI(date("2026-03-31"))))
                    .isEqualTo(typeII("2026-04-01", "2026-09-30"));
        }

        @Test
        void typeIAsOfTheTwentyEighthOfFebruaryInALeapYearStartsOnTheLeapDay() {
            assertThat(policy.nextPeriod(ReportCoverage.typeI(date("2028-02-28"))))
                    .isEqualTo(typeII("2028-02-29", "2028-08-28"));
        }

        @Test
        void typeIFollowsTheConfiguredFirstPeriodLength() {
            Soc2Policy threeMonths = policy(Map.of("app.soc2.rollover.first-type-ii-months", "3"));

            assertThat(threeMonths.nextPeriod(ReportCoverage.typeI(date("2026-03-31"))))
                    .isEqualTo(typeII("2026-04-01", "2026-06-30"));
        }

        @Test
        void refusesToRollOverIntoAPeriodThePeriodPolicyRefuses() {
            assertThatThrownBy(() -> policy.nextPeriod(typeII("2026-01-01", "2026-01-31")))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("at least 3 months");
        }

        @Test
        void refusesToStartWithAConfiguredLengthOutsideThePeriodPolicy() {
            assertThatThrownBy(() -> policy(Map.of("app.soc2.rollover.next-period-months", "13")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("app.soc2.rollover.next-period-months is 13 but app.soc2.period allows 3 to 12 months");
        }
    }

    @Nested
    class Fieldwork {

        @Test
        void theInterimVisitFallsHalfWayThroughThePeriod() {
            assertThat(policy.interimFieldwork(typeII("2031-01-01", "2031-06-30"))).isEqualTo(date("2031-04-01"));
        }

        @Test
        void theInterimShareIsConfigurable() {
            assertThat(policy(Map.of("app.soc2.fieldwork.interim-share", "0.25"))
                    .interimFieldwork(typeII("2031-01-01", "2031-12-31"))).as("a quarter of 364 days").isEqualTo(date("2031-04-02"));
        }

        @Test
        void theFinalVisitStartsAWeekAfterThePeriodEnd() {
            assertThat(policy.finalFieldwork(typeII("2031-01-01", "2031-06-30"))).isEqualTo(date("2031-07-07"));
        }

        @Test
        void aTypeIReportHasNoFieldworkVisits() {
            assertThatThrownBy(() -> policy.finalFieldwork(ReportCoverage.typeI(date("2031-03-31"))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("as of one date");
        }

        @Test
        void aFinalVisitAfterTheReportIsDueStopsTheStart() {
            assertThatThrownBy(() -> policy(Map.of("app.soc2.fieldwork.final-days-after-period-end", "60")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("must be below app.soc2.report.due-days (60)");
        }
    }
}
