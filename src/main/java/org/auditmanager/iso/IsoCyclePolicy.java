package org.auditmanager.iso;

import static org.auditmanager.iso.NonconformityDeadlines.OpenMajorConsequence.CERTIFICATE_NOT_RENEWED;
import static org.auditmanager.iso.NonconformityDeadlines.OpenMajorConsequence.REPEAT_STAGE_2;
import static org.auditmanager.iso.NonconformityDeadlines.OpenMajorConsequence.SUSPENSION;

import java.time.LocalDate;
import java.time.Period;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.auditmanager.common.InvalidInputException;
import org.auditmanager.iso.CycleProjection.Milestone;
import org.auditmanager.iso.CycleProjection.MilestoneKind;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Service;

/**
 * Every date rule of an ISO/IEC 27001 certification cycle under ISO/IEC 17021-1 (docs/iso27001-cycle.md,
 * reference.md A and B). Rules tagged ✅ there are the constants below; the judgement calls come from
 * {@link IsoCycleProperties}. Pure date arithmetic: no engine, no clock, no database.
 * All "by"/"due" dates are inclusive: the last day on which the thing may still happen.
 */
@Service
public class IsoCyclePolicy {

    /** ✅ A6.2, 17021-1 cl. 9.6.2 (S1, S2): first surveillance at most 12 months after the certification decision. */
    static final Period FIRST_SURVEILLANCE_AFTER_DECISION = Period.ofMonths(12);

    /**
     * ✅ B.3 (S6, S7 reproduce 17021-1; clause believed to be 9.5.3.2 ❓): a major NC from Stage 2 whose correction
     * and corrective action cannot be verified within 6 months after Stage 2's last day means another Stage 2.
     */
    static final Period STAGE2_MAJOR_NC_LIMIT = Period.ofMonths(6);

    /** ✅ A7.6, 17021-1 cl. 9.6.3.2.5 (S8, S9): restore within 6 months after expiry, otherwise at least a Stage 2. */
    static final Period RESTORATION_AFTER_EXPIRY = Period.ofMonths(6);

    /** ✅ A1.5, 17021-1 cl. 5.2.7 (S13): no certification until 2 years after consultancy to the client ended. */
    static final Period CONSULTANCY_COOLING_OFF = Period.ofYears(2);

    private final IsoCycleProperties properties;

    public IsoCyclePolicy(IsoCycleProperties properties) {
        this.properties = properties;
    }

    /**
     * A1.5 ✅: the first day on which the management system of a client that received consultancy from us (or a
     * body linked to us) may be certified, 2 years after the consultancy ended; before it, the application cannot
     * be accepted.
     */
    public LocalDate firstDayAfterConsultancyCoolingOff(LocalDate consultancyEnded) {
        return consultancyEnded.plus(CONSULTANCY_COOLING_OFF);
    }

    /** A.3: the last day on which Stage 2 may start without revisiting Stage 1. */
    public LocalDate latestStage2Start(LocalDate stage1LastDay) {
        return stage1LastDay.plus(properties.maxStage1ToStage2());
    }

    /** A.3: whether a Stage 2 starting on {@code stage2FirstDay} needs Stage 1 to be confirmed or repeated. */
    public Stage2Timing stage2Timing(LocalDate stage1LastDay, LocalDate stage2FirstDay) {
        if (!stage2FirstDay.isAfter(stage1LastDay)) {
            String message = "Stage 2 must start after Stage 1's last day (%s).".formatted(stage1LastDay);
            throw new InvalidInputException(message, Map.of("stage2Start", message));
        }
        if (!stage2FirstDay.isAfter(latestStage2Start(stage1LastDay))) {
            return Stage2Timing.WITHIN_MAXIMUM_INTERVAL;
        }
        return properties.stage1RevalidationAllowed()
                ? Stage2Timing.STAGE1_VALIDITY_DECISION_REQUIRED
                : Stage2Timing.STAGE1_REPEAT_REQUIRED;
    }

    /** B.3 at initial certification: the CB's deadlines, never past the 6-month limit that forces a new Stage 2. */
    public NonconformityDeadlines afterStage2(LocalDate stage2LastDay) {
        LocalDate limit = stage2LastDay.plus(STAGE2_MAJOR_NC_LIMIT);
        return new NonconformityDeadlines(earlier(stage2LastDay.plus(properties.majorNcVerification()), limit),
                stage2LastDay.plus(properties.minorNcPlanAcceptance()), limit, REPEAT_STAGE_2);
    }

    /** B.3 at a surveillance audit: a major NC open past the CB's deadline leads to suspension (A6.5, A.9). */
    public NonconformityDeadlines afterSurveillance(LocalDate auditLastDay) {
        LocalDate majorDue = auditLastDay.plus(properties.majorNcVerification());
        return new NonconformityDeadlines(majorDue, auditLastDay.plus(properties.minorNcPlanAcceptance()), majorDue,
                SUSPENSION);
    }

    /**
     * B.3, A7.5, A7.9 at recertification: majors must be closed before expiry, so the CB's deadline shrinks when
     * expiry is nearer; otherwise validity is not extended. A recertification audit held after expiry belongs to
     * the restoration window (A7.6): past it, at least a Stage 2 is needed.
     */
    public NonconformityDeadlines afterRecertification(LocalDate auditLastDay, LocalDate certificateExpiry) {
        boolean afterExpiry = auditLastDay.isAfter(certificateExpiry);
        LocalDate limit = afterExpiry ? restorationDeadline(certificateExpiry) : certificateExpiry;
        return new NonconformityDeadlines(earlier(auditLastDay.plus(properties.majorNcVerification()), limit),
                auditLastDay.plus(properties.minorNcPlanAcceptance()), limit,
                afterExpiry ? REPEAT_STAGE_2 : CERTIFICATE_NOT_RENEWED);
    }

    /** A1.2 ✅: the first cycle starts at the certification decision; A1.3 ◐ and H.2 ❓ give its length and end. */
    public CertificateTerm initialCertificate(LocalDate decisionDate) {
        return new CertificateTerm(decisionDate, cycleEnd(decisionDate), false);
    }

    /**
     * The certificate a recertification decision grants. On time (A7.4 ✅, S1), the new cycle follows on from the
     * old expiry. Within 6 months after expiry the certificate is restored (A7.6 ✅) with the dating of A7.7 ❓.
     * Later than that, there is nothing to renew.
     */
    public CertificateTerm renewedCertificate(LocalDate previousExpiry, LocalDate recertificationDecision) {
        if (!recertificationDecision.isAfter(previousExpiry)) {
            return new CertificateTerm(recertificationDecision, cycleEnd(nextCycleStart(previousExpiry)), false);
        }
        LocalDate restorationDeadline = restorationDeadline(previousExpiry);
        if (recertificationDecision.isAfter(restorationDeadline)) {
            String message = ("The certificate expired on %s and could be restored only until %s; a new initial "
                    + "certification with at least a Stage 2 audit is needed.")
                    .formatted(previousExpiry, restorationDeadline);
            throw new InvalidInputException(message, Map.of("recertificationDecision", message));
        }
        LocalDate expiry = properties.restoredCertificateKeepsCycle()
                ? cycleEnd(nextCycleStart(previousExpiry))
                : cycleEnd(recertificationDecision);
        return new CertificateTerm(recertificationDecision, expiry, true);
    }

    /** A7.6 ✅: the last day on which an expired certificate can be restored. */
    public LocalDate restorationDeadline(LocalDate expiry) {
        return expiry.plus(RESTORATION_AFTER_EXPIRY);
    }

    /** A6.2 ✅: the last day of the first surveillance audit. */
    public LocalDate firstSurveillanceDue(LocalDate decisionDate) {
        return decisionDate.plus(FIRST_SURVEILLANCE_AFTER_DECISION);
    }

    /**
     * A6.1 ✅ (S1, S2): at least one surveillance per calendar year, so the second one falls in the calendar year
     * after the first; and (domain README, ❓) no later than the configured interval after the first one's last day.
     */
    public DueWindow secondSurveillanceWindow(LocalDate firstSurveillanceLastDay) {
        int year = firstSurveillanceLastDay.getYear() + 1;
        LocalDate due = earlier(LocalDate.of(year, 12, 31),
                firstSurveillanceLastDay.plus(properties.maxSurveillance1ToSurveillance2()));
        return new DueWindow(LocalDate.of(year, 1, 1), due);
    }

    /** Product choice: when the planning of a surveillance audit due on {@code due} opens. */
    public LocalDate surveillancePlanningStarts(LocalDate due) {
        return due.minus(properties.surveillancePlanningBeforeDue());
    }

    /**
     * The day from which the surveillance of a renewed or restored certificate counts: an on-time renewal keeps the
     * cycle dates (A7.4 ✅), so does a restoration when the restored certificate keeps the previous cycle (A7.7 ❓);
     * otherwise the new cycle starts at its decision.
     */
    public LocalDate renewedCycleStart(LocalDate previousExpiry, CertificateTerm renewed) {
        boolean keepsCycle = !renewed.restoredAfterLapse() || properties.restoredCertificateKeepsCycle();
        return keepsCycle ? nextCycleStart(previousExpiry) : renewed.effectiveFrom();
    }

    /** A7.9 ◐: when the CB starts planning the recertification audit. */
    public LocalDate recertificationPlanningStarts(LocalDate expiry) {
        return expiry.minus(properties.recertificationPlanningBeforeExpiry());
    }

    /** A.9: the last day of a suspension; the issue unresolved by then means withdrawal or a reduced scope. */
    public LocalDate suspensionDeadline(LocalDate suspendedOn) {
        return suspendedOn.plus(properties.maxSuspension());
    }

    /** The reminders ahead of a due date (product choice) and the day it becomes overdue and is escalated. */
    public Reminders reminders(LocalDate due) {
        List<LocalDate> remindOn = properties.remindersBeforeDue().stream().map(due::minus).distinct()
                .sorted(Comparator.naturalOrder()).toList();
        return new Reminders(due, remindOn, due.plusDays(1));
    }

    /**
     * The whole cycle from a certification decision. Surveillance audits already held move the windows that
     * follow them; pass {@code null} for an audit not held yet.
     */
    public CycleProjection project(LocalDate decisionDate, @Nullable LocalDate firstSurveillanceHeld,
            @Nullable LocalDate secondSurveillanceHeld) {
        checkHeldDates(decisionDate, firstSurveillanceHeld, secondSurveillanceHeld);
        LocalDate expiry = initialCertificate(decisionDate).expiry();
        LocalDate firstDue = firstSurveillanceDue(decisionDate);
        LocalDate firstDate = firstSurveillanceHeld != null ? firstSurveillanceHeld : firstDue;
        DueWindow secondWindow = secondSurveillanceWindow(firstDate);
        LocalDate secondDate = secondSurveillanceHeld != null ? secondSurveillanceHeld : secondWindow.due();
        LocalDate planning = recertificationPlanningStarts(expiry);
        List<Milestone> milestones = List.of(
                new Milestone(MilestoneKind.CERTIFICATION_DECISION, null, decisionDate, decisionDate),
                new Milestone(MilestoneKind.FIRST_SURVEILLANCE, null, firstDue, firstSurveillanceHeld),
                new Milestone(MilestoneKind.SECOND_SURVEILLANCE, secondWindow.opens(), secondWindow.due(),
                        secondSurveillanceHeld),
                new Milestone(MilestoneKind.RECERTIFICATION_PLANNING, null, planning, null),
                new Milestone(MilestoneKind.RECERTIFICATION_AUDIT, planning, expiry, null),
                new Milestone(MilestoneKind.RECERTIFICATION_DECISION, null, expiry, null),
                new Milestone(MilestoneKind.CERTIFICATE_EXPIRY, null, expiry, null),
                new Milestone(MilestoneKind.RESTORATION_DEADLINE, expiry.plusDays(1), restorationDeadline(expiry),
                        null));
        List<Integer> yearsWithoutSurveillance = IntStream.range(decisionDate.getYear() + 1, expiry.getYear())
                .filter(year -> year != firstDate.getYear() && year != secondDate.getYear()).boxed().toList();
        return new CycleProjection(decisionDate, expiry, milestones, yearsWithoutSurveillance);
    }

    private static void checkHeldDates(LocalDate decisionDate, @Nullable LocalDate first, @Nullable LocalDate second) {
        if (first != null && !first.isAfter(decisionDate)) {
            String message = "The first surveillance audit comes after the certification decision (%s)."
                    .formatted(decisionDate);
            throw new InvalidInputException(message, Map.of("firstSurveillance", message));
        }
        if (second != null && (first == null || !second.isAfter(first))) {
            String message = "The second surveillance audit comes after the first one.";
            throw new InvalidInputException(message, Map.of("secondSurveillance", message));
        }
    }

    /** The last valid day of a cycle that starts on {@code cycleStart}. */
    private LocalDate cycleEnd(LocalDate cycleStart) {
        LocalDate anniversary = cycleStart.plus(properties.certificateValidity());
        if (!properties.expiryOnDayBeforeAnniversary()) {
            return anniversary;
        }
        // a cycle starting on 29 February has no anniversary in a common year: it runs to the end of February
        return anniversary.getDayOfMonth() == cycleStart.getDayOfMonth() ? anniversary.minusDays(1) : anniversary;
    }

    /**
     * The day the next cycle starts when a certificate is renewed in time. Going through the anniversary rather than
     * adding years to the old expiry keeps leap days: a cycle ending 2033-02-28 renews to 2036-02-29.
     */
    private LocalDate nextCycleStart(LocalDate expiry) {
        return properties.expiryOnDayBeforeAnniversary() ? expiry.plusDays(1) : expiry;
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    /** A window an audit must fall in: from {@code opens} up to and including {@code due}. */
    public record DueWindow(LocalDate opens, LocalDate due) {
    }
}
