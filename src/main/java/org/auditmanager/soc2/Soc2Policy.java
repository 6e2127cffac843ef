package org.auditmanager.soc2;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.auditmanager.common.InvalidInputException;
import org.auditmanager.engagement.Soc2PeriodPolicy;
import org.springframework.stereotype.Component;

/**
 * The dates of a SOC 2 examination: when the report is due, how long it stays current, how far a bridge letter
 * may reach, and which period the next examination covers. Every figure is a property ({@link Soc2Properties});
 * docs/soc2.md lists them.
 */
@Component
public class Soc2Policy {

    private final Soc2Properties.ReportRules report;
    private final Soc2Properties.BridgeLetterRules bridgeLetter;
    private final Soc2Properties.RolloverRules rollover;
    private final Soc2Properties.FieldworkRules fieldwork;
    private final Soc2PeriodPolicy periodPolicy;

    Soc2Policy(Soc2Properties properties, Soc2PeriodPolicy periodPolicy) {
        this.report = properties.report();
        this.bridgeLetter = properties.bridgeLetter();
        this.rollover = properties.rollover();
        this.fieldwork = properties.fieldwork();
        this.periodPolicy = periodPolicy;
        if (fieldwork.finalDaysAfterPeriodEnd() >= report.dueDays()) {
            throw new IllegalArgumentException(("app.soc2.fieldwork.final-days-after-period-end (%d) must be below "
                    + "app.soc2.report.due-days (%d): the final fieldwork has to start before the report is due")
                    .formatted(fieldwork.finalDaysAfterPeriodEnd(), report.dueDays()));
        }
        // a configured length the period policy would refuse must stop the start, not the first rollover
        requireWithinPeriodPolicy(rollover.firstTypeIiMonths(), "app.soc2.rollover.first-type-ii-months");
        if (rollover.nextPeriodMonths() != null) {
            requireWithinPeriodPolicy(rollover.nextPeriodMonths(), "app.soc2.rollover.next-period-months");
        }
    }

    /** The report is due a fixed number of days after the last day it speaks of (README: 60 days). */
    public LocalDate reportDue(ReportCoverage coverage) {
        return coverage.lastDay().plusDays(report.dueDays());
    }

    /**
     * The day of the Type II interim fieldwork visit: the configured share of the observation period after its start
     * (by default half way), never after the period's last day.
     */
    public LocalDate interimFieldwork(ReportCoverage coverage) {
        requireTypeII(coverage, "interim fieldwork");
        long days = ChronoUnit.DAYS.between(coverage.periodStart(), coverage.periodEnd());
        long offset = fieldwork.interimShare().multiply(BigDecimal.valueOf(days))
                .setScale(0, RoundingMode.FLOOR).longValueExact();
        return coverage.periodStart().plusDays(offset);
    }

    /** The day the Type II final fieldwork starts: a configured number of days after the period end. */
    public LocalDate finalFieldwork(ReportCoverage coverage) {
        requireTypeII(coverage, "final fieldwork");
        return coverage.periodEnd().plusDays(fieldwork.finalDaysAfterPeriodEnd());
    }

    private static void requireTypeII(ReportCoverage coverage, String what) {
        if (!coverage.isTypeII()) {
            throw new IllegalArgumentException("A Type I report has no " + what + "; it is examined as of one date.");
        }
    }

    /**
     * The last day the market treats the report as current (reference.md E.7: about 12 months after its last
     * day; no AICPA expiry). Past it, user entities expect the next report.
     */
    public LocalDate reportCurrentUntil(ReportCoverage coverage) {
        return coverage.lastDay().plusDays(1).plusMonths(report.currentMonths()).minusDays(1);
    }

    /**
     * The last day a bridge letter may cover: N months from the day after the report's last day, ending the day
     * before the same date N months later (so a period ending 30 September is bridged to 31 December).
     */
    public LocalDate latestBridgeLetterEnd(ReportCoverage coverage) {
        return coverage.lastDay().plusDays(1).plusMonths(bridgeLetter.maximumMonths()).minusDays(1);
    }

    /** The cover of a bridge letter up to {@code coverEnd}, or a refusal that states the rule. */
    public BridgeLetterCover bridgeLetter(ReportCoverage coverage, LocalDate coverEnd) {
        LocalDate from = coverage.lastDay().plusDays(1);
        if (coverEnd.isBefore(from)) {
            throw refused("A bridge letter covers the days after the report's last day (%s); %s is not after it."
                    .formatted(coverage.lastDay(), coverEnd));
        }
        LocalDate latest = latestBridgeLetterEnd(coverage);
        if (coverEnd.isAfter(latest)) {
            throw refused(("A bridge letter may cover at most %d months after the report's last day (%s), so up to "
                    + "%s; a longer gap to %s calls for a new report.")
                    .formatted(bridgeLetter.maximumMonths(), coverage.lastDay(), latest, coverEnd));
        }
        return new BridgeLetterCover(from, coverEnd);
    }

    /**
     * The period of the next examination, always a Type II: it starts the day after this report's last day.
     * After a Type II it keeps the length of this period (or the configured length); after a Type I it runs for
     * the configured length of a first Type II period.
     */
    public ReportCoverage nextPeriod(ReportCoverage coverage) {
        LocalDate start = coverage.lastDay().plusDays(1);
        Period length;
        if (!coverage.isTypeII()) {
            length = Period.ofMonths(rollover.firstTypeIiMonths());
        } else if (rollover.nextPeriodMonths() != null) {
            length = Period.ofMonths(rollover.nextPeriodMonths());
        } else {
            length = lengthOf(coverage.periodStart(), coverage.periodEnd());
        }
        LocalDate end = start.plus(length).minusDays(1);
        periodPolicy.violation(start, end).ifPresent(rule -> {
            throw new InvalidInputException(rule, Map.of("periodEnd", rule));
        });
        return ReportCoverage.typeII(start, end);
    }

    /**
     * Whole months when the period is N months in the period policy's sense (start to the day before the same
     * date N months later, month ends clamped), so 31 August to 27 February counts as 6 months; otherwise the
     * exact years, months and days.
     */
    static Period lengthOf(LocalDate start, LocalDate end) {
        long months = ChronoUnit.MONTHS.between(start, end.plusDays(1));
        for (long candidate = months; candidate <= months + 1; candidate++) {
            if (start.plusMonths(candidate).minusDays(1).equals(end)) {
                return Period.ofMonths((int) candidate);
            }
        }
        return Period.between(start, end.plusDays(1));
    }

    private void requireWithinPeriodPolicy(int months, String property) {
        if (months < periodPolicy.minimumMonths() || months > periodPolicy.maximumMonths()) {
            throw new IllegalArgumentException("%s is %d but app.soc2.period allows %d to %d months"
                    .formatted(property, months, periodPolicy.minimumMonths(), periodPolicy.maximumMonths()));
        }
    }

    private static InvalidInputException refused(String rule) {
        return new InvalidInputException(rule, Map.of("coverEnd", rule));
    }
}
