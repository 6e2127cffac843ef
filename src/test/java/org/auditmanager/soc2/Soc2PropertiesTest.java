package org.auditmanager.soc2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;

class Soc2PropertiesTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        Soc2Properties properties = Soc2TestProperties.defaults();

        assertThat(properties.report().dueDays()).isEqualTo(60);
        assertThat(properties.report().currentMonths()).isEqualTo(12);
        assertThat(properties.bridgeLetter().maximumMonths()).isEqualTo(3);
        assertThat(properties.rollover().nextPeriodMonths()).isNull();
        assertThat(properties.rollover().firstTypeIiMonths()).isEqualTo(6);
        assertThat(properties.sampling().spread()).isEqualTo(SampleSpread.STRATIFIED);
        assertThat(properties.evidence().asOfToleranceDays()).isEqualTo(30);
        assertThat(properties.evidence().lateCollectionGraceDays()).isZero();
        assertThat(properties.opinion().tolerableDeviationRate()).isEqualByComparingTo("0.05");
        assertThat(properties.opinion().criterionNotMetWhen())
                .isEqualTo(Soc2Properties.CriterionRule.ANY_CONTROL_INEFFECTIVE);
        assertThat(properties.opinion().pervasiveShare()).isEqualByComparingTo("0.25");
        assertThat(properties.subservice().inclusiveNeedsAssertion()).isTrue();
        assertThat(properties.qualityReview().requiredForEveryEngagement()).isFalse();
    }

    @Test
    void bindsEveryPropertyByItsDocumentedName() {
        Soc2Properties properties = Soc2TestProperties.bind(Map.ofEntries(
                Map.entry("app.soc2.report.due-days", "45"),
                Map.entry("app.soc2.report.current-months", "9"),
                Map.entry("app.soc2.bridge-letter.maximum-months", "2"),
                Map.entry("app.soc2.rollover.next-period-months", "12"),
                Map.entry("app.soc2.rollover.first-type-ii-months", "3"),
                Map.entry("app.soc2.sampling.spread", "UNIFORM"),
                Map.entry("app.soc2.evidence.as-of-tolerance-days", "7"),
                Map.entry("app.soc2.evidence.late-collection-grace-days", "14"),
                Map.entry("app.soc2.opinion.tolerable-deviation-rate", "0.1"),
                Map.entry("app.soc2.opinion.criterion-not-met-when", "ALL_CONTROLS_INEFFECTIVE"),
                Map.entry("app.soc2.opinion.pervasive-share", "0.5"),
                Map.entry("app.soc2.subservice.inclusive-needs-assertion", "false"),
                Map.entry("app.soc2.quality-review.required-for-every-engagement", "true")));

        assertThat(properties.report().dueDays()).isEqualTo(45);
        assertThat(properties.report().currentMonths()).isEqualTo(9);
        assertThat(properties.bridgeLetter().maximumMonths()).isEqualTo(2);
        assertThat(properties.rollover().nextPeriodMonths()).isEqualTo(12);
        assertThat(properties.rollover().firstTypeIiMonths()).isEqualTo(3);
        assertThat(properties.sampling().spread()).isEqualTo(SampleSpread.UNIFORM);
        assertThat(properties.evidence().asOfToleranceDays()).isEqualTo(7);
        assertThat(properties.evidence().lateCollectionGraceDays()).isEqualTo(14);
        assertThat(properties.opinion().tolerableDeviationRate()).isEqualByComparingTo(new BigDecimal("0.1"));
        assertThat(properties.opinion().criterionNotMetWhen())
                .isEqualTo(Soc2Properties.CriterionRule.ALL_CONTROLS_INEFFECTIVE);
        assertThat(properties.opinion().pervasiveShare()).isEqualByComparingTo("0.5");
        assertThat(properties.subservice().inclusiveNeedsAssertion()).isFalse();
        assertThat(properties.qualityReview().requiredForEveryEngagement()).isTrue();
    }

    @Test
    void rejectsAPervasiveShareAboveOne() {
        assertThatThrownBy(() -> Soc2TestProperties.bind(Map.of("app.soc2.opinion.pervasive-share", "1.5")))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("app.soc2.opinion.pervasive-share");
    }

    @Test
    void rejectsANegativeReportDeadline() {
        assertThatThrownBy(() -> Soc2TestProperties.bind(Map.of("app.soc2.report.due-days", "-1")))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("app.soc2.report.due-days");
    }
}
