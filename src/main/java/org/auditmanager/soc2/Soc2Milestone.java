package org.auditmanager.soc2;

import java.time.LocalDate;

/** A key date of the examination for the timeline: planned, due and actual (table engagement_milestone). */
public record Soc2Milestone(String key, String label, LocalDate planned, LocalDate due, LocalDate actual) {
}
