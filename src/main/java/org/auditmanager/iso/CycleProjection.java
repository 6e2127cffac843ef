package org.auditmanager.iso;

import java.time.LocalDate;
import java.util.List;
import org.springframework.lang.Nullable;

/**
 * Every milestone of one three-year certification cycle, from its certification decision to the end of the
 * restoration window, as computed by {@link IsoCyclePolicy#project}. Milestones come in cycle order; audits
 * already held carry their actual last day, and the windows after them follow from it.
 *
 * @param yearsWithoutSurveillance calendar years between the decision year and the expiry year in which no
 *        surveillance audit is held or due (reference.md A6.1 asks for at least one per calendar year)
 */
public record CycleProjection(
        LocalDate decisionDate, LocalDate expiry, List<Milestone> milestones, List<Integer> yearsWithoutSurveillance) {

    public CycleProjection {
        milestones = List.copyOf(milestones);
        yearsWithoutSurveillance = List.copyOf(yearsWithoutSurveillance);
    }

    public Milestone milestone(MilestoneKind kind) {
        return milestones.stream().filter(milestone -> milestone.kind() == kind).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no milestone " + kind));
    }

    public enum MilestoneKind {
        CERTIFICATION_DECISION,
        FIRST_SURVEILLANCE,
        SECOND_SURVEILLANCE,
        RECERTIFICATION_PLANNING,
        RECERTIFICATION_AUDIT,
        RECERTIFICATION_DECISION,
        CERTIFICATE_EXPIRY,
        RESTORATION_DEADLINE
    }

    /**
     * One milestone: due no later than {@code due}, not before {@code opens} when the rules give a window, and
     * {@code actual} once it has happened.
     */
    public record Milestone(MilestoneKind kind, @Nullable LocalDate opens, LocalDate due, @Nullable LocalDate actual) {

        public boolean late() {
            return actual != null && actual.isAfter(due);
        }

        public boolean early() {
            return actual != null && opens != null && actual.isBefore(opens);
        }
    }
}
