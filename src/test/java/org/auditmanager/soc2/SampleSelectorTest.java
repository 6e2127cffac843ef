package org.auditmanager.soc2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.auditmanager.common.InvalidInputException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class SampleSelectorTest {

    private static final LocalDate START = LocalDate.parse("2025-07-01");
    private static final LocalDate END = LocalDate.parse("2026-06-30");

    private final SampleSelector stratified = new SampleSelector(SampleSpread.STRATIFIED);

    private static SampleRequest request(ControlFrequency frequency, int sampleSize) {
        Integer population = frequency == ControlFrequency.EVENT_DRIVEN ? 240 : null;
        return new SampleRequest(START, END, frequency, population, sampleSize);
    }

    /** the whole calendar population of a period, by asking for more items than it has */
    private List<SampleItem> population(String start, String end, ControlFrequency frequency) {
        return stratified.select(new SampleRequest(LocalDate.parse(start), LocalDate.parse(end), frequency, null,
                10_000), 1L).items();
    }

    private static void assertSoundSelection(SampleSelection selection, int expectedSize) {
        LocalDate start = selection.request().periodStart();
        LocalDate end = selection.request().periodEnd();
        assertThat(selection.items()).hasSize(expectedSize);
        assertThat(selection.items()).extracting(SampleItem::index).doesNotHaveDuplicates().isSorted()
                .allSatisfy(index -> assertThat(index).isBetween(1, selection.population()));
        assertThat(selection.items()).allSatisfy(item -> {
            assertThat(item.from()).isAfterOrEqualTo(start).isBeforeOrEqualTo(item.to());
            assertThat(item.to()).isBeforeOrEqualTo(end);
        });
        assertThat(selection.items()).extracting(SampleItem::label).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @EnumSource(SampleSpread.class)
    void sameSeedAndInputsGiveTheSameSelection(SampleSpread spread) {
        SampleSelector selector = new SampleSelector(spread);

        SampleSelection first = selector.select(request(ControlFrequency.DAILY, 30), 20260115L);
        SampleSelection again = selector.select(first.request(), first.seed());

        assertThat(again).isEqualTo(first);
        assertThat(first.seed()).isEqualTo(20260115L);
        assertThat(first.spread()).isEqualTo(spread);
    }

    @ParameterizedTest
    @EnumSource(SampleSpread.class)
    void differentSeedsGiveDifferentSelections(SampleSpread spread) {
        SampleSelector selector = new SampleSelector(spread);

        assertThat(selector.select(request(ControlFrequency.DAILY, 30), 1L).items())
                .isNotEqualTo(selector.select(request(ControlFrequency.DAILY, 30), 2L).items());
    }

    @ParameterizedTest(name = "{0}, {1}: {2} of {3}")
    @CsvSource({
            "STRATIFIED, ANNUAL, 1, 1", "UNIFORM, ANNUAL, 1, 1",
            "STRATIFIED, QUARTERLY, 2, 4", "UNIFORM, QUARTERLY, 2, 4",
            "STRATIFIED, MONTHLY, 3, 12", "UNIFORM, MONTHLY, 3, 12",
            "STRATIFIED, WEEKLY, 10, 53", "UNIFORM, WEEKLY, 10, 53",
            "STRATIFIED, DAILY, 30, 365", "UNIFORM, DAILY, 30, 365",
            "STRATIFIED, MULTIPLE_TIMES_DAILY, 40, 365", "UNIFORM, MULTIPLE_TIMES_DAILY, 40, 365",
            "STRATIFIED, EVENT_DRIVEN, 35, 240", "UNIFORM, EVENT_DRIVEN, 35, 240"})
    void drawsDistinctItemsInsideThePeriodForEveryFrequency(SampleSpread spread, ControlFrequency frequency,
                                                             int sampleSize, int population) {
        SampleSelection selection = new SampleSelector(spread).select(request(frequency, sampleSize), 42L);

        assertThat(selection.population()).isEqualTo(population);
        assertSoundSelection(selection, sampleSize);
    }

    @ParameterizedTest
    @EnumSource(SampleSpread.class)
    void takesTheWholePopulationWhenItIsSmallerThanTheSample(SampleSpread spread) {
        // February to April touches two calendar quarters
        SampleRequest quarterly = new SampleRequest(LocalDate.parse("2026-02-01"), LocalDate.parse("2026-04-30"),
                ControlFrequency.QUARTERLY, null, 2);
        SampleRequest events = new SampleRequest(START, END, ControlFrequency.EVENT_DRIVEN, 12, 20);

        assertThat(new SampleSelector(spread).select(quarterly, 7L).items()).extracting(SampleItem::label)
                .containsExactly("2026-Q1", "2026-Q2");
        assertSoundSelection(new SampleSelector(spread).select(events, 7L), 12);
    }

    @Test
    void anEmptyEventPopulationGivesAnEmptySample() {
        SampleSelection selection = stratified.select(
                new SampleRequest(START, END, ControlFrequency.EVENT_DRIVEN, 0, 25), 3L);

        assertThat(selection.population()).isZero();
        assertThat(selection.items()).isEmpty();
    }

    @Test
    void stratifiedDrawsOneItemFromEachEqualPartOfThePeriod() {
        // 365 days in 5 strata of 73 days each
        SampleSelection selection = stratified.select(request(ControlFrequency.DAILY, 5), 99L);

        for (int stratum = 0; stratum < 5; stratum++) {
            assertThat(selection.items().get(stratum).index()).isBetween(stratum * 73 + 1, (stratum + 1) * 73);
        }
    }

    @Test
    void stratifiedMonthlySampleOfTwelveTakesEveryMonth() {
        SampleSelection selection = stratified.select(request(ControlFrequency.MONTHLY, 12), 5L);

        assertThat(selection.items()).extracting(SampleItem::label).containsExactly("2025-07", "2025-08", "2025-09",
                "2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06");
    }

    @Test
    void eventDrivenItemsAreListPositionsThatMayFallAnywhereInThePeriod() {
        SampleSelection selection = stratified.select(request(ControlFrequency.EVENT_DRIVEN, 35), 11L);

        assertThat(selection.items()).allSatisfy(item -> {
            assertThat(item.label()).isEqualTo("item %d of 240".formatted(item.index()));
            assertThat(item.from()).isEqualTo(START);
            assertThat(item.to()).isEqualTo(END);
        });
    }

    @Nested
    class CalendarUnits {

        @Test
        void dailyUnitsAreEveryDayIncludingALeapDay() {
            List<SampleItem> days = population("2028-01-01", "2028-06-30", ControlFrequency.DAILY);

            assertThat(days).hasSize(182);
            assertThat(days).extracting(SampleItem::label).contains("2028-02-29");
            assertThat(days.get(0)).isEqualTo(new SampleItem(1, "2028-01-01", LocalDate.parse("2028-01-01"),
                    LocalDate.parse("2028-01-01")));
        }

        @Test
        void weeklyUnitsAreIsoWeeksClippedToThePeriod() {
            List<SampleItem> weeks = population("2025-07-01", "2025-12-31", ControlFrequency.WEEKLY);

            // 1 July 2025 is a Tuesday in 2025-W27; 29 December 2025 is the Monday of 2026-W01
            assertThat(weeks.get(0)).isEqualTo(new SampleItem(1, "2025-W27", LocalDate.parse("2025-07-01"),
                    LocalDate.parse("2025-07-06")));
            assertThat(weeks.get(weeks.size() - 1)).isEqualTo(new SampleItem(27, "2026-W01",
                    LocalDate.parse("2025-12-29"), LocalDate.parse("2025-12-31")));
        }

        @Test
        void monthlyUnitsAreCalendarMonthsClippedToThePeriod() {
            List<SampleItem> months = population("2026-01-15", "2026-07-14", ControlFrequency.MONTHLY);

            assertThat(months).extracting(SampleItem::label)
                    .containsExactly("2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07");
            assertThat(months.get(0).from()).isEqualTo("2026-01-15");
            assertThat(months.get(1).to()).isEqualTo("2026-02-28");
            assertThat(months.get(6).to()).isEqualTo("2026-07-14");
        }

        @Test
        void quarterlyUnitsAreCalendarQuartersClippedToThePeriod() {
            List<SampleItem> quarters = population("2026-02-01", "2026-07-31", ControlFrequency.QUARTERLY);

            assertThat(quarters).containsExactly(
                    new SampleItem(1, "2026-Q1", LocalDate.parse("2026-02-01"), LocalDate.parse("2026-03-31")),
                    new SampleItem(2, "2026-Q2", LocalDate.parse("2026-04-01"), LocalDate.parse("2026-06-30")),
                    new SampleItem(3, "2026-Q3", LocalDate.parse("2026-07-01"), LocalDate.parse("2026-07-31")));
        }

        @Test
        void anAnnualControlIsSampledFromTheWholeTwelveMonthPeriod() {
            assertThat(population("2025-07-01", "2026-06-30", ControlFrequency.ANNUAL)).containsExactly(
                    new SampleItem(1, "2025-07-01..2026-06-30", START, END));
        }
    }

    @Test
    void refusesAPopulationSizeForACalendarControl() {
        assertThatThrownBy(() -> new SampleRequest(START, END, ControlFrequency.DAILY, 100, 20))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Only an event-driven control has a population listing");
    }

    @Test
    void refusesAnEventDrivenControlWithoutItsPopulation() {
        assertThatThrownBy(() -> new SampleRequest(START, END, ControlFrequency.EVENT_DRIVEN, null, 20))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("needs the size of its population");
    }
}
