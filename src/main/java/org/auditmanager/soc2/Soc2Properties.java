package org.auditmanager.soc2;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every SOC 2 judgement call and firm convention (reference.md E and F, defaults from the domain README), one
 * property each under {@code app.soc2.*}; docs/soc2.md lists them with their sources. Two neighbours live
 * elsewhere: the observation period limits ({@code app.soc2.period.*}, engagement's {@code Soc2PeriodPolicy})
 * and the sample sizes (the DMN table {@code processes/soc2-sample-size.dmn}).
 */
@ConfigurationProperties("app.soc2")
public record Soc2Properties(
        @DefaultValue ReportRules report,
        @DefaultValue BridgeLetterRules bridgeLetter,
        @DefaultValue RolloverRules rollover,
        @DefaultValue SamplingRules sampling,
        @DefaultValue EvidenceRules evidence,
        @DefaultValue OpinionRules opinion,
        @DefaultValue SubserviceRules subservice,
        @DefaultValue QualityReviewRules qualityReview,
        @DefaultValue FieldworkRules fieldwork) {

    /**
     * @param dueDays       days from the period end (Type II) or the as-of date (Type I) to the report's due date
     * @param currentMonths months after its last day during which the market treats a report as current
     */
    public record ReportRules(@DefaultValue("60") int dueDays, @DefaultValue("12") int currentMonths) {
        public ReportRules {
            require(dueDays >= 0, "app.soc2.report.due-days must not be negative");
            require(currentMonths >= 1, "app.soc2.report.current-months must be at least 1");
        }
    }

    /** @param maximumMonths how far past the report's last day a management bridge letter may reach */
    public record BridgeLetterRules(@DefaultValue("3") int maximumMonths) {
        public BridgeLetterRules {
            require(maximumMonths >= 1, "app.soc2.bridge-letter.maximum-months must be at least 1");
        }
    }

    /**
     * @param nextPeriodMonths length of the Type II period that follows a Type II period; unset keeps the length
     *                         of the period before
     * @param firstTypeIiMonths length of the first Type II period that follows a Type I report
     */
    public record RolloverRules(Integer nextPeriodMonths, @DefaultValue("6") int firstTypeIiMonths) {
    }

    /** @param spread how the sample is spread over the period's population */
    public record SamplingRules(@DefaultValue("STRATIFIED") SampleSpread spread) {
    }

    /**
     * @param asOfToleranceDays     Type I: how many days before or after the as-of date evidence may be dated
     * @param lateCollectionGraceDays Type II: days after the period end during which evidence without a
     *                              trustworthy date of its own may still be collected
     */
    public record EvidenceRules(@DefaultValue("30") int asOfToleranceDays,
                                @DefaultValue("0") int lateCollectionGraceDays) {
        public EvidenceRules {
            require(asOfToleranceDays >= 0, "app.soc2.evidence.as-of-tolerance-days must not be negative");
            require(lateCollectionGraceDays >= 0, "app.soc2.evidence.late-collection-grace-days must not be negative");
        }
    }

    /**
     * @param tolerableDeviationRate a control whose deviations / sample size exceeds this did not operate
     *                               effectively
     * @param criterionNotMetWhen    how many ineffective controls make a criterion not met
     * @param pervasiveShare         share of the criteria in scope from which failures (adverse) or missing
     *                               evidence (disclaimer) count as pervasive
     */
    public record OpinionRules(@DefaultValue("0.05") BigDecimal tolerableDeviationRate,
                               @DefaultValue("ANY_CONTROL_INEFFECTIVE") CriterionRule criterionNotMetWhen,
                               @DefaultValue("0.25") BigDecimal pervasiveShare) {
        public OpinionRules {
            require(tolerableDeviationRate.signum() >= 0 && tolerableDeviationRate.compareTo(BigDecimal.ONE) < 0,
                    "app.soc2.opinion.tolerable-deviation-rate must be at least 0 and below 1");
            require(pervasiveShare.signum() > 0 && pervasiveShare.compareTo(BigDecimal.ONE) <= 0,
                    "app.soc2.opinion.pervasive-share must be above 0 and at most 1");
        }
    }

    /**
     * @param inclusiveNeedsAssertion an included (inclusive-method) subservice organisation must give its own
     *                                written assertion
     */
    public record SubserviceRules(@DefaultValue("true") boolean inclusiveNeedsAssertion) {
    }

    /**
     * @param requiredForEveryEngagement the firm designates every SOC 2 engagement for an engagement quality
     *                                   review, not only those flagged one by one
     */
    public record QualityReviewRules(@DefaultValue("false") boolean requiredForEveryEngagement) {
    }

    /**
     * When the Type II fieldwork visits fall (product choice; reference.md gives no figure).
     *
     * @param interimShare          the interim visit falls this share of the observation period after its start
     * @param finalDaysAfterPeriodEnd the final visit starts this many days after the period end, once the client
     *                              can export the whole period's populations
     */
    public record FieldworkRules(@DefaultValue("0.5") BigDecimal interimShare,
                                 @DefaultValue("7") int finalDaysAfterPeriodEnd) {
        public FieldworkRules {
            require(interimShare.signum() > 0 && interimShare.compareTo(BigDecimal.ONE) < 0,
                    "app.soc2.fieldwork.interim-share must be above 0 and below 1");
            require(finalDaysAfterPeriodEnd >= 1, "app.soc2.fieldwork.final-days-after-period-end must be at least 1");
        }
    }

    /** When a criterion counts as not met, given the tested controls mapped to it. */
    public enum CriterionRule {
        /** every mapped control is needed: one ineffective control is enough */
        ANY_CONTROL_INEFFECTIVE,
        /** controls may compensate for each other: only when all mapped controls are ineffective */
        ALL_CONTROLS_INEFFECTIVE
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
