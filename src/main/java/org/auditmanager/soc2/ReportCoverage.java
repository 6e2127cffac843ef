package org.auditmanager.soc2;

import java.time.LocalDate;
import java.util.Map;
import org.auditmanager.common.InvalidInputException;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.engagement.EngagementKind;

/**
 * What a SOC 2 report speaks of (reference.md E.2): a Type I report the design as of one date, a Type II report
 * design and operating effectiveness throughout an observation period.
 */
public record ReportCoverage(EngagementKind kind, LocalDate asOfDate, LocalDate periodStart, LocalDate periodEnd) {

    public ReportCoverage {
        if (kind == EngagementKind.TYPE_I) {
            if (asOfDate == null || periodStart != null || periodEnd != null) {
                throw invalid("asOfDate", "A Type I report is as of one date and has no observation period.");
            }
        } else if (kind == EngagementKind.TYPE_II) {
            if (asOfDate != null || periodStart == null || periodEnd == null) {
                throw invalid("periodStart", "A Type II report covers an observation period and has no as-of date.");
            }
            if (!periodEnd.isAfter(periodStart)) {
                throw invalid("periodEnd", "The period must end after it starts.");
            }
        } else {
            throw invalid("kind", "%s is not a SOC 2 report type.".formatted(kind));
        }
    }

    public static ReportCoverage typeI(LocalDate asOfDate) {
        return new ReportCoverage(EngagementKind.TYPE_I, asOfDate, null, null);
    }

    public static ReportCoverage typeII(LocalDate periodStart, LocalDate periodEnd) {
        return new ReportCoverage(EngagementKind.TYPE_II, null, periodStart, periodEnd);
    }

    public static ReportCoverage of(Engagement engagement) {
        return new ReportCoverage(engagement.kind(), engagement.asOfDate(), engagement.periodStart(),
                engagement.periodEnd());
    }

    public boolean isTypeII() {
        return kind == EngagementKind.TYPE_II;
    }

    /** The last day the report speaks of: the period end (Type II) or the as-of date (Type I). */
    public LocalDate lastDay() {
        return isTypeII() ? periodEnd : asOfDate;
    }

    private static InvalidInputException invalid(String field, String rule) {
        return new InvalidInputException(rule, Map.of(field, rule));
    }
}
