package org.auditmanager.iso;

import static java.time.LocalDate.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The properties as Spring binds them through {@link IsoConfiguration}: documented defaults, overrides, bad values. */
class IsoCyclePropertiesTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(IsoConfiguration.class, IsoCyclePolicy.class, AuditTime.class);

    @Test
    void bindsTheDefaultsDocumentedInDocsIso27001Cycle() {
        context.run(started -> {
            IsoCycleProperties properties = started.getBean(IsoCycleProperties.class);
            assertThat(properties.maxStage1ToStage2()).isEqualTo(Period.ofDays(180));
            assertThat(properties.stage1RevalidationAllowed()).isTrue();
            assertThat(properties.majorNcVerification()).isEqualTo(Period.ofDays(90));
            assertThat(properties.minorNcPlanAcceptance()).isEqualTo(Period.ofDays(30));
            assertThat(properties.certificateValidity()).isEqualTo(Period.ofYears(3));
            assertThat(properties.expiryOnDayBeforeAnniversary()).isTrue();
            assertThat(properties.restoredCertificateKeepsCycle()).isTrue();
            assertThat(properties.maxSurveillance1ToSurveillance2()).isEqualTo(Period.ofMonths(12));
            assertThat(properties.recertificationPlanningBeforeExpiry()).isEqualTo(Period.ofMonths(6));
            assertThat(properties.maxSuspension()).isEqualTo(Period.ofMonths(6));
            assertThat(properties.remindersBeforeDue()).containsExactly(Period.ofDays(14), Period.ofDays(3));
            assertThat(properties.stage1AuditTimeShare()).isEqualTo(new Share(3, 10));
            assertThat(properties.surveillanceAuditTimeShare()).isEqualTo(new Share(1, 3));
            assertThat(properties.recertificationAuditTimeShare()).isEqualTo(new Share(2, 3));
            assertThat(properties.personsPerAuditDayBeyondChart()).isEqualTo(2200);
        });
    }

    @Test
    void overridesReachThePolicyAndTheAuditTime() {
        context.withPropertyValues(
                        "app.iso.cycle.max-stage1-to-stage2=90d",
                        "app.iso.cycle.expiry-on-day-before-anniversary=false",
                        "app.iso.cycle.reminders-before-due=P7D,P1D",
                        "app.iso.cycle.surveillance-audit-time-share=0.4")
                .run(started -> {
                    IsoCyclePolicy policy = started.getBean(IsoCyclePolicy.class);
                    assertThat(policy.latestStage2Start(parse("2024-09-02"))).isEqualTo(parse("2024-12-01"));
                    assertThat(policy.initialCertificate(parse("2025-03-14")).expiry()).isEqualTo(parse("2028-03-14"));
                    assertThat(policy.reminders(parse("2026-03-14")).remindOn())
                            .isEqualTo(List.of(parse("2026-03-07"), parse("2026-03-13")));
                    assertThat(started.getBean(AuditTime.class).forPersonsInScope(10).surveillance())
                            .isEqualTo(new BigDecimal("2.0"));
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "app.iso.cycle.max-suspension=0d",
            "app.iso.cycle.major-nc-verification=-30d",
            "app.iso.cycle.stage1-audit-time-share=1/1",
            "app.iso.cycle.recertification-audit-time-share=4/3",
            "app.iso.cycle.surveillance-audit-time-share=0",
            "app.iso.cycle.persons-per-audit-day-beyond-chart=-1"
    })
    void refusesToStartWithAnImpossibleValue(String property) {
        context.withPropertyValues(property).run(started -> {
            assertThat(started).hasFailed();
            assertThat(started).getFailure().hasRootCauseInstanceOf(IllegalArgumentException.class);
        });
    }
}
