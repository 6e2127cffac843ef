package org.auditmanager.soc2;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Draws the occurrences of one control to test, at random across the whole observation period and
 * reproducibly: the seed goes into the {@link SampleSelection}, and the same request, spread and seed always
 * give the same items.
 *
 * <p>The population is the period's calendar cut by the control's frequency: days (daily, and multiple times a
 * day, where the tester takes one occurrence on each selected day), ISO weeks, calendar months, calendar
 * quarters, or 12-month blocks from the period start for an annual control. Units cut by the period's edges are
 * kept but clipped to it. An event-driven control is sampled from its population listing, items 1 to N.
 */
public final class SampleSelector {

    private final SampleSpread spread;

    public SampleSelector(SampleSpread spread) {
        this.spread = spread;
    }

    public SampleSelection select(SampleRequest request, long seed) {
        boolean eventDriven = request.frequency() == ControlFrequency.EVENT_DRIVEN;
        List<SampleItem> calendar = eventDriven ? List.of()
                : calendarUnits(request.periodStart(), request.periodEnd(), request.frequency());
        int population = eventDriven ? request.populationSize() : calendar.size();
        int size = Math.min(request.sampleSize(), population);
        SplittableRandom random = new SplittableRandom(seed);
        int[] indexes = spread == SampleSpread.STRATIFIED
                ? stratified(population, size, random) : uniform(population, size, random);
        List<SampleItem> items = new ArrayList<>(size);
        for (int index : indexes) {
            items.add(eventDriven
                    ? new SampleItem(index, "item %d of %d".formatted(index, population),
                            request.periodStart(), request.periodEnd())
                    : calendar.get(index - 1));
        }
        return new SampleSelection(request, spread, seed, population, items);
    }

    /** One index drawn in each of {@code size} consecutive strata of 1..population, in order. */
    private static int[] stratified(int population, int size, SplittableRandom random) {
        int[] indexes = new int[size];
        for (int stratum = 0; stratum < size; stratum++) {
            int low = (int) ((long) stratum * population / size);
            int high = (int) ((long) (stratum + 1) * population / size);
            indexes[stratum] = low + random.nextInt(high - low) + 1;
        }
        return indexes;
    }

    /** Robert Floyd's draw of {@code size} distinct indexes of 1..population, sorted; no array of the population. */
    private static int[] uniform(int population, int size, SplittableRandom random) {
        Set<Integer> chosen = new HashSet<>();
        for (int upper = population - size + 1; upper <= population; upper++) {
            int candidate = random.nextInt(upper) + 1;
            chosen.add(chosen.contains(candidate) ? upper : candidate);
        }
        int[] indexes = chosen.stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(indexes);
        return indexes;
    }

    private static List<SampleItem> calendarUnits(LocalDate start, LocalDate end, ControlFrequency frequency) {
        List<SampleItem> units = new ArrayList<>();
        for (int k = 0; !unitStart(start, frequency, k).isAfter(end); k++) {
            LocalDate unitStart = unitStart(start, frequency, k);
            LocalDate unitEnd = unitStart(start, frequency, k + 1).minusDays(1);
            LocalDate from = unitStart.isBefore(start) ? start : unitStart;
            LocalDate to = unitEnd.isAfter(end) ? end : unitEnd;
            units.add(new SampleItem(k + 1, label(frequency, unitStart, from, to), from, to));
        }
        return units;
    }

    /**
     * First day of the k-th unit, counted from the unit that holds the period start; computed from it rather than
     * stepped, so month ends do not drift.
     */
    private static LocalDate unitStart(LocalDate periodStart, ControlFrequency frequency, int k) {
        return switch (frequency) {
            case ANNUAL -> periodStart.plusMonths(12L * k);
            case QUARTERLY -> YearMonth.from(periodStart)
                    .withMonth((periodStart.getMonthValue() - 1) / 3 * 3 + 1).atDay(1).plusMonths(3L * k);
            case MONTHLY -> periodStart.withDayOfMonth(1).plusMonths(k);
            case WEEKLY -> periodStart.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusWeeks(k);
            case DAILY, MULTIPLE_TIMES_DAILY -> periodStart.plusDays(k);
            case EVENT_DRIVEN -> throw new IllegalArgumentException("event-driven controls have no calendar units");
        };
    }

    private static String label(ControlFrequency frequency, LocalDate unitStart, LocalDate from, LocalDate to) {
        return switch (frequency) {
            case ANNUAL -> from + ".." + to;
            case QUARTERLY -> "%d-Q%d".formatted(unitStart.getYear(), unitStart.get(IsoFields.QUARTER_OF_YEAR));
            case MONTHLY -> YearMonth.from(unitStart).toString();
            case WEEKLY -> "%d-W%02d".formatted(unitStart.get(IsoFields.WEEK_BASED_YEAR),
                    unitStart.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            default -> unitStart.toString();
        };
    }
}
