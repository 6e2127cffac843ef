package org.auditmanager.iso;

import static java.time.LocalDate.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import org.auditmanager.common.InvalidInputException;
import org.auditmanager.iso.IsoCyclePolicy.DueWindow;
import org.auditmanager.iso.NonconformityDeadlines.OpenMajorConsequence;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IsoCyclePolicyTest {

    private final IsoCyclePolicy policy = new IsoCyclePolicy(TestProperties.defaults());

    private static IsoCyclePolicy policyWith(String property, String value) {
        return new IsoCyclePolicy(TestProperties.with(Map.of(property, value)));
    }

    @Nested
    class Stage1ToStage2 {

        @Test
        void latestStage2StartIs180DaysAfterStage1sLastDay() {
            assertThat(policy.latestStage2Start(parse("2024-09-02"))).isEqualTo(parse("2025-03-01"));
            assertThat(policy.latestStage2Start(parse("2023-09-02"))).isEqualTo(parse("2024-02-29"));
        }

        @Test
        void stage2OnTheLatestDayNeedsNoDecisionAndTheDayAfterDoes() {
            LocalDate stage1End = parse("2024-09-02");
            assertThat(policy.stage2Timing(stage1End, parse("2024-09-03"))).isEqualTo(Stage2Timing.WITHIN_MAXIMUM_INTERVAL);
            assertThat(policy.stage2Timing(stage1End, parse("2025-03-01"))).isEqualTo(Stage2Timing.WITHIN_MAXIMUM_INTERVAL);
            assertThat(policy.stage2Timing(stage1End, parse("2025-03-02")))
                    .isEqualTo(Stage2Timing.STAGE1_VALIDITY_DECISION_REQUIRED);
        }

        @Test
        void requiresARepeatedStage1WhenNoValidityDecisionIsAllowed() {
            IsoCyclePolicy strict = policyWith("stage1-revalidation-allowed", "false");
            assertThat(strict.stage2Timing(parse("2024-09-02"), parse("2025-03-02")))
                    .isEqualTo(Stage2Timing.STAGE1_REPEAT_REQUIRED);
        }

        @Test
        void appliesAConfiguredMaximumOf90Days() {
            IsoCyclePolicy ninetyDays = policyWith("max-stage1-to-stage2", "90d");
            assertThat(ninetyDays.latestStage2Start(parse("2024-09-02"))).isEqualTo(parse("2024-12-01"));
            assertThat(ninetyDays.stage2Timing(parse("2024-09-02"), parse("2024-12-02")))
                    .isEqualTo(Stage2Timing.STAGE1_VALIDITY_DECISION_REQUIRED);
        }

        @Test
        void rejectsStage2BeforeOrOnStage1sLastDay() {
            assertThatThrownBy(() -> policy.stage2Timing(parse("2024-09-02"), parse("2024-09-02")))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.fieldErrors()).containsKey("stage2Start"));
            assertThatThrownBy(() -> policy.stage2Timing(parse("2024-09-02"), parse("2024-08-30")))
                    .isInstanceOf(InvalidInputException.class);
        }
    }

    @Nested
    class Nonconformities {

        @Test
        void stage2MajorIsDueIn90DaysAndForcesANewStage2AfterSixMonths() {
            NonconformityDeadlines deadlines = policy.afterStage2(parse("2025-02-10"));
            assertThat(deadlines.majorVerifiedBy()).isEqualTo(parse("2025-05-11"));
            assertThat(deadlines.minorPlanAcceptedBy()).isEqualTo(parse("2025-03-12"));
            assertThat(deadlines.majorLimit()).isEqualTo(parse("2025-08-10"));
            assertThat(deadlines.whenMajorOpen()).isEqualTo(OpenMajorConsequence.REPEAT_STAGE_2);
            assertThat(deadlines.majorLimitPassed(parse("2025-08-10"))).isFalse();
            assertThat(deadlines.majorLimitPassed(parse("2025-08-11"))).isTrue();
        }

        @Test
        void sixMonthsFromTheLastDayOfAugustEndsInFebruary() {
            NonconformityDeadlines deadlines = policy.afterStage2(parse("2025-08-31"));
            assertThat(deadlines.majorVerifiedBy()).isEqualTo(parse("2025-11-29"));
            assertThat(deadlines.minorPlanAcceptedBy()).isEqualTo(parse("2025-09-30"));
            assertThat(deadlines.majorLimit()).isEqualTo(parse("2026-02-28"));
        }

        @Test
        void aLongerConfiguredMajorDeadlineNeverPassesTheSixMonthLimit() {
            NonconformityDeadlines deadlines = policyWith("major-nc-verification", "200d").afterStage2(parse("2025-02-10"));
            assertThat(deadlines.majorVerifiedBy()).isEqualTo(parse("2025-08-10"));
        }

        @Test
        void surveillanceMajorOpenPastTheDeadlineLeadsToSuspension() {
            NonconformityDeadlines deadlines = policy.afterSurveillance(parse("2026-03-10"));
            assertThat(deadlines.majorVerifiedBy()).isEqualTo(parse("2026-06-08"));
            assertThat(deadlines.majorLimit()).isEqualTo(parse("2026-06-08"));
            assertThat(deadlines.minorPlanAcceptedBy()).isEqualTo(parse("2026-04-09"));
            assertThat(deadlines.whenMajorOpen()).isEqualTo(OpenMajorConsequence.SUSPENSION);
        }

        @Test
        void recertificationMajorDeadlineShrinksToTheExpiryDate() {
            NonconformityDeadlines deadlines = policy.afterRecertification(parse("2027-12-20"), parse("2028-03-13"));
            assertThat(deadlines.majorVerifiedBy()).isEqualTo(parse("2028-03-13"));
            assertThat(deadlines.majorLimit()).isEqualTo(parse("2028-03-13"));
            assertThat(deadlines.whenMajorOpen()).isEqualTo(OpenMajorConsequence.CERTIFICATE_NOT_RENEWED);
            assertThat(policy.afterRecertification(parse("2027-10-01"), parse("2028-03-13")).majorVerifiedBy())
                    .isEqualTo(parse("2027-12-30"));
        }

        @Test
        void recertificationAuditAfterExpiryMustCloseMajorsWithinTheRestorationWindow() {
            NonconformityDeadlines deadlines = policy.afterRecertification(parse("2028-04-10"), parse("2028-03-13"));
            assertThat(deadlines.majorVerifiedBy()).isEqualTo(parse("2028-07-09"));
            assertThat(deadlines.majorLimit()).isEqualTo(parse("2028-09-13"));
            assertThat(deadlines.whenMajorOpen()).isEqualTo(OpenMajorConsequence.REPEAT_STAGE_2);
        }

        @Test
        void appliesAConfiguredMinorPlanDeadline() {
            assertThat(policyWith("minor-nc-plan-acceptance", "14d").afterStage2(parse("2025-02-10")).minorPlanAcceptedBy())
                    .isEqualTo(parse("2025-02-24"));
        }
    }

    @Nested
    class Certificate {

        @ParameterizedTest(name = "decision {0}: expires {1}")
        @CsvSource({
                "2025-03-14, 2028-03-13",
                "2024-02-29, 2027-02-28",  // no 29 February in 2027: the cycle runs to the end of February
                "2025-03-01, 2028-02-29",  // the day before 1 March of a leap year
                "2025-08-31, 2028-08-30",
                "2025-01-01, 2027-12-31"
        })
        void expiresThreeYearsLessOneDayAfterTheDecision(LocalDate decision, LocalDate expiry) {
            CertificateTerm certificate = policy.initialCertificate(decision);
            assertThat(certificate.effectiveFrom()).isEqualTo(decision);
            assertThat(certificate.expiry()).isEqualTo(expiry);
            assertThat(certificate.restoredAfterLapse()).isFalse();
        }

        @Test
        void expiresOnTheAnniversaryWhenConfigured() {
            IsoCyclePolicy anniversary = policyWith("expiry-on-day-before-anniversary", "false");
            assertThat(anniversary.initialCertificate(parse("2025-03-14")).expiry()).isEqualTo(parse("2028-03-14"));
            assertThat(anniversary.initialCertificate(parse("2024-02-29")).expiry()).isEqualTo(parse("2027-02-28"));
        }

        @Test
        void appliesAConfiguredValidity() {
            assertThat(policyWith("certificate-validity", "4y").initialCertificate(parse("2024-02-29")).expiry())
                    .isEqualTo(parse("2028-02-28"));
        }

        @Test
        void onTimeRecertificationContinuesFromTheOldExpiry() {
            LocalDate oldExpiry = parse("2028-03-13");
            CertificateTerm early = policy.renewedCertificate(oldExpiry, parse("2027-12-15"));
            assertThat(early.expiry()).isEqualTo(parse("2031-03-13"));
            assertThat(early.effectiveFrom()).isEqualTo(parse("2027-12-15"));
            assertThat(early.restoredAfterLapse()).isFalse();
            assertThat(policy.renewedCertificate(oldExpiry, oldExpiry).expiry()).isEqualTo(parse("2031-03-13"));
        }

        @Test
        void renewalsKeepTheCycleAcrossLeapYears() {
            LocalDate expiry = policy.initialCertificate(parse("2024-03-01")).expiry();
            assertThat(expiry).isEqualTo(parse("2027-02-28"));
            expiry = policy.renewedCertificate(expiry, expiry.minusMonths(2)).expiry();
            assertThat(expiry).isEqualTo(parse("2030-02-28"));
            expiry = policy.renewedCertificate(expiry, expiry.minusMonths(2)).expiry();
            assertThat(expiry).isEqualTo(parse("2033-02-28"));
            expiry = policy.renewedCertificate(expiry, expiry.minusMonths(2)).expiry();
            assertThat(expiry).isEqualTo(parse("2036-02-29"));
        }
    }

    @Nested
    class Restoration {

        @Test
        void canRestoreUpToSixMonthsAfterExpiryKeepingTheCycle() {
            assertThat(policy.restorationDeadline(parse("2028-03-13"))).isEqualTo(parse("2028-09-13"));
            CertificateTerm restored = policy.renewedCertificate(parse("2028-03-13"), parse("2028-09-13"));
            assertThat(restored.effectiveFrom()).isEqualTo(parse("2028-09-13"));
            assertThat(restored.expiry()).isEqualTo(parse("2031-03-13"));
            assertThat(restored.restoredAfterLapse()).isTrue();
        }

        @Test
        void requiresANewCertificationTheDayAfterTheRestorationWindow() {
            assertThatThrownBy(() -> policy.renewedCertificate(parse("2028-03-13"), parse("2028-09-14")))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.fieldErrors()).containsKey("recertificationDecision"))
                    .hasMessageContaining("at least a Stage 2");
        }

        @Test
        void restorationWindowEndsAtTheEndOfAShorterMonth() {
            assertThat(policy.restorationDeadline(parse("2028-08-30"))).isEqualTo(parse("2029-02-28"));
            assertThat(policy.restorationDeadline(parse("2027-08-31"))).isEqualTo(parse("2028-02-29"));
        }

        @Test
        void aRestoredCertificateStartsANewCycleWhenConfigured() {
            IsoCyclePolicy newCycle = policyWith("restored-certificate-keeps-cycle", "false");
            assertThat(newCycle.renewedCertificate(parse("2028-03-13"), parse("2028-06-01")).expiry())
                    .isEqualTo(parse("2031-05-31"));
        }
    }

    @Nested
    class Surveillance {

        @ParameterizedTest(name = "decision {0}: first surveillance by {1}")
        @CsvSource({"2025-03-14, 2026-03-14", "2024-02-29, 2025-02-28", "2025-08-31, 2026-08-31"})
        void firstSurveillanceIsDueTwelveMonthsAfterTheDecision(LocalDate decision, LocalDate due) {
            assertThat(policy.firstSurveillanceDue(decision)).isEqualTo(due);
        }

        @ParameterizedTest(name = "first surveillance {0}: second from {1} to {2}")
        @CsvSource({
                "2026-03-14, 2027-01-01, 2027-03-14",
                "2026-12-30, 2027-01-01, 2027-12-30",
                "2024-02-29, 2025-01-01, 2025-02-28",
                "2026-08-31, 2027-01-01, 2027-08-31"
        })
        void secondSurveillanceFallsInTheNextCalendarYearAndWithinTwelveMonthsOfTheFirst(
                LocalDate first, LocalDate opens, LocalDate due) {
            assertThat(policy.secondSurveillanceWindow(first)).isEqualTo(new DueWindow(opens, due));
        }

        @Test
        void theCalendarYearStillBindsWhenTheIntervalIsConfiguredLonger() {
            IsoCyclePolicy fifteenMonths = policyWith("max-surveillance1-to-surveillance2", "15m");
            assertThat(fifteenMonths.secondSurveillanceWindow(parse("2026-11-20")))
                    .isEqualTo(new DueWindow(parse("2027-01-01"), parse("2027-12-31")));
            assertThat(fifteenMonths.secondSurveillanceWindow(parse("2026-03-14")).due()).isEqualTo(parse("2027-06-14"));
        }
    }

    @Nested
    class RecertificationSuspensionAndReminders {

        @Test
        void recertificationPlanningStartsSixMonthsBeforeExpiry() {
            assertThat(policy.recertificationPlanningStarts(parse("2028-03-13"))).isEqualTo(parse("2027-09-13"));
            assertThat(policy.recertificationPlanningStarts(parse("2028-08-30"))).isEqualTo(parse("2028-02-29"));
            assertThat(policyWith("recertification-planning-before-expiry", "9m")
                    .recertificationPlanningStarts(parse("2028-03-13"))).isEqualTo(parse("2027-06-13"));
        }

        @Test
        void suspensionLastsAtMostSixMonths() {
            assertThat(policy.suspensionDeadline(parse("2026-05-01"))).isEqualTo(parse("2026-11-01"));
            assertThat(policy.suspensionDeadline(parse("2026-08-31"))).isEqualTo(parse("2027-02-28"));
            assertThat(policyWith("max-suspension", "3m").suspensionDeadline(parse("2026-05-01")))
                    .isEqualTo(parse("2026-08-01"));
        }

        @Test
        void remindsFourteenAndThreeDaysAheadAndEscalatesTheDayAfter() {
            Reminders reminders = policy.reminders(parse("2024-03-03"));
            assertThat(reminders.remindOn()).containsExactly(parse("2024-02-18"), parse("2024-02-29"));
            assertThat(reminders.escalateOn()).isEqualTo(parse("2024-03-04"));
            assertThat(policyWith("reminders-before-due", "7d").reminders(parse("2024-03-03")).remindOn())
                    .containsExactly(parse("2024-02-25"));
        }
    }

    /** reference.md A.12, which uses the anniversary as the expiry date. */
    @Nested
    class ReferenceWorkedExample {

        private final IsoCyclePolicy anniversary = policyWith("expiry-on-day-before-anniversary", "false");
        private final LocalDate decision = parse("2025-03-14");

        @Test
        void reproducesEveryDateOfTheWorkedExample() {
            assertThat(anniversary.afterStage2(parse("2025-02-10")).majorLimit()).isEqualTo(parse("2025-08-10"));
            LocalDate expiry = anniversary.initialCertificate(decision).expiry();
            assertThat(expiry).isEqualTo(parse("2028-03-14"));
            assertThat(anniversary.firstSurveillanceDue(decision)).isEqualTo(parse("2026-03-14"));
            assertThat(anniversary.renewedCertificate(expiry, parse("2027-12-10")).expiry()).isEqualTo(parse("2031-03-14"));
            assertThat(anniversary.restorationDeadline(expiry)).isEqualTo(parse("2028-09-14"));
            assertThat(anniversary.suspensionDeadline(parse("2026-05-01"))).isEqualTo(parse("2026-11-01"));
        }
    }
}
