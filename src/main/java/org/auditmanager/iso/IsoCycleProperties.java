package org.auditmanager.iso;

import java.time.Period;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The judgement calls of an ISO/IEC 27001 certification cycle ({@code app.iso.cycle.*}): every rule that
 * reference.md tags ◐ or ❓, and every certification-body or product convention. Rules it tags ✅ are constants
 * in {@link IsoCyclePolicy}. docs/iso27001-cycle.md lists each property with its source.
 * Periods bind from {@code 180d}, {@code 6m}, {@code 3y} or ISO-8601 ({@code P6M}).
 *
 * @param maxStage1ToStage2 latest start of Stage 2 after Stage 1's last day (H.1, A.3 ◐/❓: no normative maximum)
 * @param stage1RevalidationAllowed past that maximum, may a recorded "Stage 1 still valid?" decision (EA FAQ 49.3)
 *        let Stage 2 go ahead, or must Stage 1 be repeated (for example the CB in S44)
 * @param majorNcVerification corrections and corrective actions for a major NC verified within this time of the
 *        audit's last day (B.3 ◐, H.4)
 * @param minorNcPlanAcceptance corrective-action plan for a minor NC accepted within this time (B.3 ❓, H.4)
 * @param certificateValidity length of a certification cycle (A1.3 ◐)
 * @param expiryOnDayBeforeAnniversary expiry = decision + validity − 1 day, rather than the anniversary itself
 *        (A1.3, H.2 ❓)
 * @param restoredCertificateKeepsCycle a certificate restored after expiry keeps the previous cycle's expiry
 *        (+ validity) rather than starting a new cycle at the restoration decision (A7.7, H.2 ❓)
 * @param maxSurveillance1ToSurveillance2 second surveillance no later than this after the first one's last day
 *        (domain README; not in reference.md A.6, so treated as ❓)
 * @param recertificationPlanningBeforeExpiry recertification planning starts this long before expiry (A7.9 ◐)
 * @param maxSuspension suspension lasts at most this long, then withdrawal or scope reduction (A.9, CB time limit)
 * @param remindersBeforeDue reminders this long ahead of every due date (product choice)
 * @param stage1AuditTimeShare Stage 1's share of the initial audit days (C.3 ❓, H.7)
 * @param surveillanceAuditTimeShare each surveillance audit's share of the initial audit days (C.3 ◐, H.6)
 * @param recertificationAuditTimeShare recertification's share of the initial audit days (C.3 ◐, H.6)
 * @param personsPerAuditDayBeyondChart above the chart's last band, one more audit day per started block of this
 *        many persons (C.1 "continue the same progression" ❓; default: the last band's width); 0 refuses
 * @param surveillancePlanningBeforeDue a surveillance audit's planning opens this long before its due date
 *        (product choice, like the reminders)
 */
@ConfigurationProperties("app.iso.cycle")
public record IsoCycleProperties(
        @DefaultValue("180d") Period maxStage1ToStage2,
        @DefaultValue("true") boolean stage1RevalidationAllowed,
        @DefaultValue("90d") Period majorNcVerification,
        @DefaultValue("30d") Period minorNcPlanAcceptance,
        @DefaultValue("3y") Period certificateValidity,
        @DefaultValue("true") boolean expiryOnDayBeforeAnniversary,
        @DefaultValue("true") boolean restoredCertificateKeepsCycle,
        @DefaultValue("12m") Period maxSurveillance1ToSurveillance2,
        @DefaultValue("6m") Period recertificationPlanningBeforeExpiry,
        @DefaultValue("6m") Period maxSuspension,
        @DefaultValue({"14d", "3d"}) List<Period> remindersBeforeDue,
        @DefaultValue("3/10") Share stage1AuditTimeShare,
        @DefaultValue("1/3") Share surveillanceAuditTimeShare,
        @DefaultValue("2/3") Share recertificationAuditTimeShare,
        @DefaultValue("2200") int personsPerAuditDayBeyondChart,
        @DefaultValue("3m") Period surveillancePlanningBeforeDue) {

    public IsoCycleProperties {
        requirePositive("max-stage1-to-stage2", maxStage1ToStage2);
        requirePositive("major-nc-verification", majorNcVerification);
        requirePositive("minor-nc-plan-acceptance", minorNcPlanAcceptance);
        requirePositive("certificate-validity", certificateValidity);
        requirePositive("max-surveillance1-to-surveillance2", maxSurveillance1ToSurveillance2);
        requirePositive("recertification-planning-before-expiry", recertificationPlanningBeforeExpiry);
        requirePositive("max-suspension", maxSuspension);
        requirePositive("surveillance-planning-before-due", surveillancePlanningBeforeDue);
        remindersBeforeDue = List.copyOf(remindersBeforeDue);
        remindersBeforeDue.forEach(reminder -> requirePositive("reminders-before-due", reminder));
        if (stage1AuditTimeShare.numerator() == stage1AuditTimeShare.denominator()) {
            throw new IllegalArgumentException("app.iso.cycle.stage1-audit-time-share must leave time for Stage 2");
        }
        if (personsPerAuditDayBeyondChart < 0) {
            throw new IllegalArgumentException("app.iso.cycle.persons-per-audit-day-beyond-chart must be 0 or more");
        }
    }

    private static void requirePositive(String name, Period period) {
        if (period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException(
                    "app.iso.cycle.%s must be a positive period, got %s".formatted(name, period));
        }
    }
}
