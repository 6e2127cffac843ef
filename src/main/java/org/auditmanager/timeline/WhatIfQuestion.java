package org.auditmanager.timeline;

import java.time.LocalDate;
import org.springframework.lang.Nullable;

/**
 * "What if the certification decision is on this day, or Stage 2 moves to these days?" At least the decision
 * or Stage 2's last day; without a decision date, the decision keeps its recorded distance from Stage 2.
 */
public record WhatIfQuestion(@Nullable LocalDate decisionDate, @Nullable LocalDate stage2Start,
                             @Nullable LocalDate stage2End) {

    public boolean isEmpty() {
        return decisionDate == null && stage2Start == null && stage2End == null;
    }
}
