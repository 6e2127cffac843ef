package org.auditmanager.timeline;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.auditmanager.iso.NonconformityDeadlines;
import org.auditmanager.iso.Stage2Timing;
import org.springframework.lang.Nullable;

/**
 * The ISO cycle an engagement would get from the dates of a {@link WhatIfQuestion}, next to the dates it has now.
 * Nothing is recorded.
 *
 * @param decisionDate       the decision date the projection starts from (asked, or kept at its distance from Stage 2)
 * @param decisionDerived    true when the decision date was not asked but kept at its recorded distance from Stage 2
 * @param stage2Timing       how Stage 2's start relates to Stage 1's last day, when both are known
 * @param latestStage2Start  the last day Stage 2 may start without revisiting Stage 1, when Stage 1 is known
 * @param afterStage2        the nonconformity deadlines that follow from Stage 2's last day, when asked
 * @param decisionTooLate    the decision falls after the 6-month limit for closing Stage 2's major nonconformities
 * @param changes            every projected milestone, now and with the asked dates
 * @param timeline           the timeline as it would look
 */
public record WhatIf(WhatIfQuestion question, LocalDate decisionDate, boolean decisionDerived,
                     @Nullable Stage2Timing stage2Timing, @Nullable LocalDate latestStage2Start,
                     @Nullable NonconformityDeadlines afterStage2, boolean decisionTooLate, List<Change> changes,
                     Timeline timeline) {

    public WhatIf {
        changes = List.copyOf(changes);
    }

    /** One milestone now ({@code null} when the timeline does not project it yet) and with the asked dates. */
    public record Change(String key, String label, @Nullable LocalDate opensNow, @Nullable LocalDate dueNow,
                         @Nullable LocalDate opensThen, @Nullable LocalDate dueThen) {

        public boolean changed() {
            return !Objects.equals(opensNow, opensThen) || !Objects.equals(dueNow, dueThen);
        }
    }
}
