package org.auditmanager.iso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import org.auditmanager.common.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuditTimeTest {

    private final AuditTime auditTime = new AuditTime(TestProperties.defaults());

    @ParameterizedTest(name = "{0} persons: initial {1} = Stage 1 {2} + Stage 2 {3}")
    @CsvSource({
            "1, 5.0, 1.5, 3.5",       // 30 % of 5 = 1.5 exactly
            "15, 6.0, 2.0, 4.0",      // 1.8 rounds up to 2.0
            "45, 8.5, 3.0, 5.5",      // 2.55 rounds up to 3.0
            "10700, 28.0, 8.5, 19.5"  // 8.4 rounds up to 8.5
    })
    void splitsTheInitialDaysSoStage1GetsItsShareRoundedUpAndStage2TheRest(
            int persons, BigDecimal initial, BigDecimal stage1, BigDecimal stage2) {
        AuditDays days = auditTime.forPersonsInScope(persons);
        assertThat(days.initial()).isEqualTo(initial);
        assertThat(days.stage1()).isEqualTo(stage1);
        assertThat(days.stage2()).isEqualTo(stage2);
        assertThat(days.beyondChart()).isFalse();
    }

    @ParameterizedTest(name = "{0} persons: initial {1}, surveillance {2}, recertification {3}")
    @CsvSource({
            "10, 5.0, 2.0, 3.5",      // 1.67 → 2.0, 3.33 → 3.5
            "11, 6.0, 2.0, 4.0",      // exact thirds stay as they are
            "25, 7.0, 2.5, 5.0",      // 2.33 → 2.5, 4.67 → 5.0
            "26, 8.5, 3.0, 6.0",      // 2.83 → 3.0, 5.67 → 6.0
            "65, 10.0, 3.5, 7.0",     // 3.33 → 3.5, 6.67 → 7.0
            "426, 16.5, 5.5, 11.0",   // exact
            "8501, 28.0, 9.5, 19.0"   // 9.33 → 9.5, 18.67 → 19.0
    })
    void givesSurveillanceAThirdAndRecertificationTwoThirdsRoundedUpToHalfADay(
            int persons, BigDecimal initial, BigDecimal surveillance, BigDecimal recertification) {
        AuditDays days = auditTime.forPersonsInScope(persons);
        assertThat(days.initial()).isEqualTo(initial);
        assertThat(days.surveillance()).isEqualTo(surveillance);
        assertThat(days.recertification()).isEqualTo(recertification);
    }

    @ParameterizedTest(name = "{0} persons: {1} initial days")
    @CsvSource({"10701, 29.0", "12900, 29.0", "12901, 30.0", "20000, 33.0"})
    void addsOneDayPerStartedBlockOfPersonsAboveTheChart(int persons, BigDecimal initial) {
        AuditDays days = auditTime.forPersonsInScope(persons);
        assertThat(days.initial()).isEqualTo(initial);
        assertThat(days.beyondChart()).isTrue();
    }

    @Test
    void refusesFewerThanOnePersonInScope() {
        assertThatThrownBy(() -> auditTime.forPersonsInScope(0))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsKey("personsInScope"))
                .hasMessageContaining("starts at 1 person");
    }

    @Test
    void refusesHeadcountsAboveTheChartWhenNoProgressionIsConfigured() {
        AuditTime refusing = new AuditTime(TestProperties.with(Map.of("persons-per-audit-day-beyond-chart", "0")));
        assertThat(refusing.forPersonsInScope(10_700).initial()).isEqualTo(new BigDecimal("28.0"));
        assertThatThrownBy(() -> refusing.forPersonsInScope(10_701))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("determine the audit time individually");
    }

    @Test
    void appliesConfiguredShares() {
        AuditTime configured = new AuditTime(TestProperties.with(Map.of(
                "stage1-audit-time-share", "1/2",
                "surveillance-audit-time-share", "0.4",
                "recertification-audit-time-share", "3/4")));
        AuditDays days = configured.forPersonsInScope(20); // 7 initial days
        assertThat(days.stage1()).isEqualTo(new BigDecimal("3.5"));
        assertThat(days.stage2()).isEqualTo(new BigDecimal("3.5"));
        assertThat(days.surveillance()).isEqualTo(new BigDecimal("3.0")); // 2.8 → 3.0
        assertThat(days.recertification()).isEqualTo(new BigDecimal("5.5")); // 5.25 → 5.5
    }
}
