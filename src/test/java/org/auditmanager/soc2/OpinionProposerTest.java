package org.auditmanager.soc2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.auditmanager.common.InvalidInputException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OpinionProposerTest {

    /** eight criteria, each with one passing control; a quarter of them is two */
    private static final Set<String> SCOPE =
            Set.of("CC1.1", "CC2.1", "CC3.1", "CC4.1", "CC5.1", "CC6.1", "CC7.1", "CC8.1");

    private final OpinionProposer proposer = new OpinionProposer(Soc2TestProperties.defaults());

    private static List<ControlTest> passingTestsExcept(Set<String> criteria) {
        List<ControlTest> tests = new ArrayList<>();
        SCOPE.stream().filter(criterion -> !criteria.contains(criterion)).sorted()
                .forEach(criterion -> tests.add(ControlTest.noException("C-" + criterion, Set.of(criterion), 25)));
        return tests;
    }

    private static List<ControlTest> with(List<ControlTest> tests, ControlTest... more) {
        List<ControlTest> all = new ArrayList<>(tests);
        all.addAll(List.of(more));
        return all;
    }

    private OpinionProposal propose(List<ControlTest> tests, Set<String> withoutEvidence) {
        return proposer.propose(new ExaminationResults(SCOPE, tests, withoutEvidence));
    }

    @Nested
    class Unmodified {

        @Test
        void whenEveryControlOperatedWithoutException() {
            OpinionProposal proposal = propose(passingTestsExcept(Set.of()), Set.of());

            assertThat(proposal.opinion()).isEqualTo(Opinion.UNMODIFIED);
            assertThat(proposal.reason()).isEqualTo("All 8 criteria in scope are met. "
                    + "The engagement partner decides the opinion.");
        }

        @Test
        void evenWithAnExceptionBelowTheTolerableRate() {
            // 1 deviation in 25 is 4 %, below 5 %
            OpinionProposal proposal = propose(with(passingTestsExcept(Set.of("CC6.1")),
                    ControlTest.exception("C-CC6.1", Set.of("CC6.1"), 1, 25)), Set.of());

            assertThat(proposal.opinion()).isEqualTo(Opinion.UNMODIFIED);
            assertThat(proposal.ineffectiveControls()).isEmpty();
            assertThat(proposal.reason()).contains("Exceptions were noted (C-CC6.1), none above the tolerable "
                    + "deviation rate of 5 %.");
        }

        @Test
        void whenTheDeviationRateEqualsTheTolerableRate() {
            OpinionProposal proposal = propose(with(passingTestsExcept(Set.of("CC6.1")),
                    ControlTest.exception("C-CC6.1", Set.of("CC6.1"), 1, 20)), Set.of());

            assertThat(proposal.opinion()).isEqualTo(Opinion.UNMODIFIED);
        }

        @Test
        void ignoringCriteriaOutsideTheScope() {
            OpinionProposal proposal = propose(with(passingTestsExcept(Set.of()),
                    ControlTest.exception("C-A1.2", Set.of("A1.2"), 2, 2)), Set.of());

            assertThat(proposal.opinion()).isEqualTo(Opinion.UNMODIFIED);
            assertThat(proposal.criteriaNotMet()).isEmpty();
        }
    }

    @Nested
    class Qualified {

        @Test
        void whenAnIneffectiveControlStopsOneCriterionBeingMet() {
            // 1 deviation in a quarterly sample of 2 is 50 %
            OpinionProposal proposal = propose(with(passingTestsExcept(Set.of("CC6.1")),
                    ControlTest.exception("C-CC6.1", Set.of("CC6.1"), 1, 2)), Set.of());

            assertThat(proposal.opinion()).isEqualTo(Opinion.QUALIFIED);
            assertThat(proposal.ineffectiveControls()).containsExactly("C-CC6.1");
            assertThat(proposal.criteriaNotMet()).containsExactly("CC6.1");
            assertThat(proposal.reason()).isEqualTo("1 of 8 criteria are not met (CC6.1), below the pervasive share "
                    + "of 25 %. The engagement partner decides the opinion.");
        }

        @Test
        void whenOneCriterionLacksEvidence() {
            OpinionProposal proposal = propose(passingTestsExcept(Set.of()), Set.of("CC7.1"));

            assertThat(proposal.opinion()).isEqualTo(Opinion.QUALIFIED);
            assertThat(proposal.criteriaWithoutEvidence()).containsExactly("CC7.1");
        }

        @Test
        void whenNoControlWasTestedForACriterion() {
            OpinionProposal proposal = propose(passingTestsExcept(Set.of("CC8.1")), Set.of());

            assertThat(proposal.opinion()).isEqualTo(Opinion.QUALIFIED);
            assertThat(proposal.criteriaWithoutEvidence()).containsExactly("CC8.1");
        }

        @Test
        void whenOneCriterionFailsAndAnotherLacksEvidence() {
            OpinionProposal proposal = propose(with(passingTestsExcept(Set.of("CC6.1")),
                    ControlTest.exception("C-CC6.1", Set.of("CC6.1"), 3, 25)), Set.of("CC7.1"));

            assertThat(proposal.opinion()).isEqualTo(Opinion.QUALIFIED);
            assertThat(proposal.reason()).startsWith("1 of 8 criteria are not met (CC6.1) and 1 of 8 criteria lack "
                    + "sufficient evidence (CC7.1), below the pervasive share of 25 %.");
        }

        @Test
        void aFailedCriterionIsNotAlsoCountedAsLackingEvidence() {
            OpinionProposal proposal = propose(with(passingTestsExcept(Set.of("CC6.1")),
                    ControlTest.exception("C-CC6.1", Set.of("CC6.1"), 1, 1)), Set.of("CC6.1"));

            assertThat(proposal.criteriaNotMet()).containsExactly("CC6.1");
            assertThat(proposal.criteriaWithoutEvidence()).isEmpty();
        }
    }

    @Nested
    class Adverse {

        @Test
        void whenAQuarterOfTheCriteriaAreNotMet() {
            OpinionProposal proposal = propose(with(passingTestsExcept(Set.of("CC6.1", "CC7.1")),
                    ControlTest.exception("C-ACCESS", Set.of("CC6.1", "CC7.1"), 2, 3)), Set.of());

            assertThat(proposal.opinion()).isEqualTo(Opinion.ADVERSE);
            assertThat(proposal.criteriaNotMet()).containsExactly("CC6.1", "CC7.1");
            assertThat(proposal.reason()).startsWith("2 of 8 criteria are not met (CC6.1, CC7.1), at least the "
                    + "pervasive share of 25 %.");
        }
    }

    @Nested
    class Disclaimer {

        @Test
        void whenAQuarterOfTheCriteriaLackEvidence() {
            OpinionProposal proposal = propose(passingTestsExcept(Set.of()), Set.of("CC1.1", "CC2.1"));

            assertThat(proposal.opinion()).isEqualTo(Opinion.DISCLAIMER);
            assertThat(proposal.reason()).startsWith("2 of 8 criteria lack sufficient evidence (CC1.1, CC2.1), at "
                    + "least the pervasive share of 25 %: a pervasive scope limitation.");
        }

        @Test
        void evenWhenFailuresAreAlsoPervasive() {
            OpinionProposal proposal = propose(with(passingTestsExcept(Set.of("CC6.1", "CC7.1")),
                    ControlTest.exception("C-ACCESS", Set.of("CC6.1", "CC7.1"), 2, 2)), Set.of("CC1.1", "CC2.1"));

            assertThat(proposal.opinion()).isEqualTo(Opinion.DISCLAIMER);
        }
    }

    @Nested
    class Configured {

        @Test
        void allControlsIneffectiveRuleLetsAnotherControlCarryTheCriterion() {
            OpinionProposer compensating = new OpinionProposer(Soc2TestProperties.bind(
                    Map.of("app.soc2.opinion.criterion-not-met-when", "ALL_CONTROLS_INEFFECTIVE")));
            List<ControlTest> oneFails = with(passingTestsExcept(Set.of()),
                    ControlTest.exception("C-MFA", Set.of("CC6.1"), 2, 2));
            List<ControlTest> bothFail = with(passingTestsExcept(Set.of("CC6.1")),
                    ControlTest.exception("C-CC6.1", Set.of("CC6.1"), 1, 1),
                    ControlTest.exception("C-MFA", Set.of("CC6.1"), 2, 2));

            assertThat(compensating.propose(new ExaminationResults(SCOPE, oneFails, Set.of())).opinion())
                    .isEqualTo(Opinion.UNMODIFIED);
            assertThat(compensating.propose(new ExaminationResults(SCOPE, bothFail, Set.of())).opinion())
                    .isEqualTo(Opinion.QUALIFIED);
        }

        @Test
        void aZeroTolerableRateMakesAnyDeviationIneffective() {
            OpinionProposer strict = new OpinionProposer(Soc2TestProperties.bind(
                    Map.of("app.soc2.opinion.tolerable-deviation-rate", "0")));

            OpinionProposal proposal = strict.propose(new ExaminationResults(SCOPE, with(
                    passingTestsExcept(Set.of("CC6.1")), ControlTest.exception("C-CC6.1", Set.of("CC6.1"), 1, 60)),
                    Set.of()));

            assertThat(proposal.opinion()).isEqualTo(Opinion.QUALIFIED);
        }

        @Test
        void aHigherPervasiveShareKeepsTwoFailuresQualified() {
            OpinionProposer lenient = new OpinionProposer(Soc2TestProperties.bind(
                    Map.of("app.soc2.opinion.pervasive-share", "0.5")));

            OpinionProposal proposal = lenient.propose(new ExaminationResults(SCOPE, with(
                    passingTestsExcept(Set.of("CC6.1", "CC7.1")),
                    ControlTest.exception("C-ACCESS", Set.of("CC6.1", "CC7.1"), 2, 3)), Set.of()));

            assertThat(proposal.opinion()).isEqualTo(Opinion.QUALIFIED);
        }
    }

    @Nested
    class RefusedInput {

        @Test
        void anExceptionWithoutDeviations() {
            assertThatThrownBy(() -> new ControlTest("C-1", Set.of("CC6.1"), TestResult.EXCEPTION, 0, 25))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("The test of control C-1 is EXCEPTION with 0 deviations; an exception is exactly a "
                            + "test with deviations.");
        }

        @Test
        void moreDeviationsThanTestedOccurrences() {
            assertThatThrownBy(() -> ControlTest.exception("C-1", Set.of("CC6.1"), 3, 2))
                    .isInstanceOf(InvalidInputException.class);
        }

        @Test
        void aScopeLimitationOnACriterionOutsideTheScope() {
            assertThatThrownBy(() -> new ExaminationResults(SCOPE, List.of(), Set.of("P1.1")))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("A scope limitation names criterion P1.1, which is not in scope.");
        }

        @Test
        void noCriteriaInScope() {
            assertThatThrownBy(() -> new ExaminationResults(Set.of(), List.of(), Set.of()))
                    .isInstanceOf(InvalidInputException.class);
        }
    }
}
