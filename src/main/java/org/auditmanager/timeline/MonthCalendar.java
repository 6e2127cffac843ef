package org.auditmanager.timeline;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** A month of deadlines laid out in weeks from Monday to Sunday, for the portfolio's calendar. */
record MonthCalendar(YearMonth month, List<List<Day>> weeks) {

    record Item(UUID engagementId, String reference, String label, MilestoneStatus status) {
    }

    record Day(LocalDate date, boolean inMonth, boolean today, List<Item> items) {
    }

    static MonthCalendar of(YearMonth month, List<Timeline> timelines, LocalDate today) {
        Map<LocalDate, List<Item>> byDay = new TreeMap<>();
        for (Timeline timeline : timelines) {
            for (TimelineEntry entry : timeline.deadlinesIn(month)) {
                byDay.computeIfAbsent(entry.dueDate(), day -> new ArrayList<>()).add(new Item(
                        timeline.engagement().id(), timeline.engagement().reference(), entry.label(), entry.status()));
            }
        }
        byDay.values().forEach(items -> items.sort(Comparator.comparing(Item::status).thenComparing(Item::reference)));
        LocalDate first = month.atDay(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate last = month.atEndOfMonth().with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        List<List<Day>> weeks = new ArrayList<>();
        for (LocalDate monday = first; !monday.isAfter(last); monday = monday.plusWeeks(1)) {
            List<Day> week = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                LocalDate date = monday.plusDays(i);
                week.add(new Day(date, YearMonth.from(date).equals(month), date.equals(today),
                        byDay.getOrDefault(date, List.of())));
            }
            weeks.add(week);
        }
        return new MonthCalendar(month, weeks);
    }

    int deadlineCount() {
        return weeks.stream().flatMap(List::stream).filter(Day::inMonth).mapToInt(day -> day.items().size()).sum();
    }
}
