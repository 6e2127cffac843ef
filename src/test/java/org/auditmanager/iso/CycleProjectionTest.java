package org.auditmanager.iso;

import static java.time.LocalDate.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.auditmanager.iso.CycleProjection.MilestoneKind.CERTIFICATE_EXPIRY;
import static org.auditmanager.iso.CycleProjection.MilestoneKind.CERTIFICATION_DECISION;
import static org.auditmanager.iso.CycleProjection.MilestoneKind.FIRST_SURVEILLANCE;
import static org.auditmanager.iso.CycleProjection.MilestoneKind.RECERTIFICATION_AUDIT;
import static org.auditmanager.iso.CycleProjection.MilestoneKind.RECERTIFICATION_DECISION;
import static org.auditmanager.iso.CycleProjection.MilestoneKind.RECERTIFICATION_PLANNING;
import static org.auditmanager.iso.CycleProjection.MilestoneKind.RESTORATION_DEADLINE;
import static org.auditmanager.iso.CycleProjection.MilestoneKind.SECOND_SURVEILLANCE;

import java.util.Map;
import org.auditmanager.common.InvalidInputException;
import org.auditmanager.iso.CycleProjection.Milestone;
import org.junit.jupiter.api.Test;

class CycleProjectionTest {

    private final IsoCyclePolicy policy = new IsoCyclePolicy(TestProperties.defaults());

    @Test
    void listsEveryMilestoneOfTheCycleFromTheDecision() {
        CycleProjection cycle = policy.project(parse("2025-03-14"), null, null);

        assertThat(cycle.expiry()).isEqualTo(parse("2028-03-13"));
        assertThat(cycle.milestones()).containsExactly(
                new Milestone(CERTIFICATION_DECISION, null, parse("2025-03-14"), parse("2025-03-14")),
                new Milestone(FIRST_SURVEILLANCE, null, parse("2026-03-14"), null),
                new Milestone(SECOND_SURVEILLANCE, parse("2027-01-01"), parse("2027-03-14"), null),
                new Milestone(RECERTIFICATION_PLANNING, null, parse("2027-09-13"), null),
                new Milestone(RECERTIFICATION_AUDIT, parse("2027-09-13"), parse("2028-03-13"), null),
                new Milestone(RECERTIFICATION_DECISION, null, parse("2028-03-13"), null),
                new Milestone(CERTIFICATE_EXPIRY, null, parse("2028-03-13"), null),
                new Milestone(RESTORATION_DEADLINE, parse("2028-03-14"), parse("2028-09-13"), null));
        assertThat(cycle.yearsWithoutSurveillance()).isEmpty();
    }

    @Test
    void projectsALeapDayDecision() {
        CycleProjection cycle = policy.project(parse("2024-02-29"), null, null);

        assertThat(cycle.milestone(FIRST_SURVEILLANCE).due()).isEqualTo(parse("2025-02-28"));
        assertThat(cycle.milestone(SECOND_SURVEILLANCE).opens()).isEqualTo(parse("2026-01-01"));
        assertThat(cycle.milestone(SECOND_SURVEILLANCE).due()).isEqualTo(parse("2026-02-28"));
        assertThat(cycle.expiry()).isEqualTo(parse("2027-02-28"));
        assertThat(cycle.milestone(RECERTIFICATION_PLANNING).due()).isEqualTo(parse("2026-08-28"));
        assertThat(cycle.milestone(RESTORATION_DEADLINE).due()).isEqualTo(parse("2027-08-28"));
    }

    @Test
    void projectsAMonthEndDecision() {
        CycleProjection cycle = policy.project(parse("2025-08-31"), null, null);

        assertThat(cycle.milestone(FIRST_SURVEILLANCE).due()).isEqualTo(parse("2026-08-31"));
        assertThat(cycle.milestone(SECOND_SURVEILLANCE).due()).isEqualTo(parse("2027-08-31"));
        assertThat(cycle.expiry()).isEqualTo(parse("2028-08-30"));
        assertThat(cycle.milestone(RECERTIFICATION_PLANNING).due()).isEqualTo(parse("2028-02-29"));
        assertThat(cycle.milestone(RESTORATION_DEADLINE).opens()).isEqualTo(parse("2028-08-31"));
        assertThat(cycle.milestone(RESTORATION_DEADLINE).due()).isEqualTo(parse("2029-02-28"));
    }

    @Test
    void secondSurveillanceFollowsTheFirstOnesActualLastDay() {
        CycleProjection early = policy.project(parse("2025-03-14"), parse("2026-01-20"), null);
        assertThat(early.milestone(FIRST_SURVEILLANCE).actual()).isEqualTo(parse("2026-01-20"));
        assertThat(early.milestone(FIRST_SURVEILLANCE).late()).isFalse();
        assertThat(early.milestone(SECOND_SURVEILLANCE).due()).isEqualTo(parse("2027-01-20"));

        CycleProjection late = policy.project(parse("2025-03-14"), parse("2026-04-02"), null);
        assertThat(late.milestone(FIRST_SURVEILLANCE).late()).isTrue();
        assertThat(late.milestone(SECOND_SURVEILLANCE).due()).isEqualTo(parse("2027-04-02"));
    }

    @Test
    void flagsACalendarYearLeftWithoutSurveillance() {
        // first surveillance still in the decision year: the second covers 2026 and nothing is due in 2027
        CycleProjection cycle = policy.project(parse("2025-03-14"), parse("2025-11-20"), null);
        assertThat(cycle.milestone(SECOND_SURVEILLANCE).opens()).isEqualTo(parse("2026-01-01"));
        assertThat(cycle.milestone(SECOND_SURVEILLANCE).due()).isEqualTo(parse("2026-11-20"));
        assertThat(cycle.yearsWithoutSurveillance()).containsExactly(2027);
    }

    @Test
    void marksASecondSurveillanceHeldInTheSameCalendarYearAsEarly() {
        CycleProjection cycle = policy.project(parse("2025-03-14"), parse("2026-02-10"), parse("2026-12-01"));
        assertThat(cycle.milestone(SECOND_SURVEILLANCE).early()).isTrue();
        assertThat(cycle.yearsWithoutSurveillance()).containsExactly(2027);
    }

    @Test
    void followsConfiguredExpiryConvention() {
        IsoCyclePolicy anniversary = new IsoCyclePolicy(
                TestProperties.with(Map.of("expiry-on-day-before-anniversary", "false")));
        CycleProjection cycle = anniversary.project(parse("2025-03-14"), null, null);
        assertThat(cycle.milestone(CERTIFICATE_EXPIRY).due()).isEqualTo(parse("2028-03-14"));
        assertThat(cycle.milestone(RESTORATION_DEADLINE).due()).isEqualTo(parse("2028-09-14"));
    }

    @Test
    void rejectsSurveillanceDatesOutOfOrder() {
        assertThatThrownBy(() -> policy.project(parse("2025-03-14"), parse("2025-03-14"), null))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsKey("firstSurveillance"));
        assertThatThrownBy(() -> policy.project(parse("2025-03-14"), null, parse("2026-05-01")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsKey("secondSurveillance"));
        assertThatThrownBy(() -> policy.project(parse("2025-03-14"), parse("2026-03-01"), parse("2026-03-01")))
                .isInstanceOf(InvalidInputException.class);
    }
}
