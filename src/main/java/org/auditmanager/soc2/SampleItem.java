package org.auditmanager.soc2;

import java.time.LocalDate;

/**
 * One selected occurrence to test.
 *
 * @param index position in the population, from 1: the day, week, month, quarter or year of the period in
 *              calendar order, or the item of an event-driven population listing
 * @param label what the auditor asks the client for: {@code 2026-03-14}, {@code 2026-W11}, {@code 2026-03},
 *              {@code 2026-Q1}, {@code 2025-07-01..2026-06-30} or {@code item 17 of 240}
 * @param from  first day the occurrence's evidence may show, never before the period start
 * @param to    last day the occurrence's evidence may show, never after the period end; an event-driven item
 *              may fall anywhere in the period
 */
public record SampleItem(int index, String label, LocalDate from, LocalDate to) {
}
