package org.auditmanager.soc2;

import java.time.LocalDate;

/** The days a management bridge letter speaks for: from the day after the report's last day to {@code to}. */
public record BridgeLetterCover(LocalDate from, LocalDate to) {
}
