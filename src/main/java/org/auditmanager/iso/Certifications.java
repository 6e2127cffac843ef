package org.auditmanager.iso;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.auditmanager.common.ConflictException;
import org.auditmanager.common.ForbiddenException;
import org.auditmanager.common.InvalidInputException;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.engagement.Engagements;
import org.auditmanager.engagement.Framework;
import org.auditmanager.iso.IsoRecords.CertificateRow;
import org.auditmanager.security.AuthenticatedUser;
import org.auditmanager.security.Role;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The certification state of an engagement, and the events a manager raises on its cycle (reference.md A.8,
 * A.9): each event is recorded with its reason, then correlated as a BPMN message to the engagement's
 * iso27001-certification-cycle instance, in one transaction.
 */
@Service
public class Certifications {

    private final Engagements engagements;
    private final IsoRecords records;
    private final RuntimeService runtimeService;
    private final Clock clock;

    Certifications(Engagements engagements, IsoRecords records, RuntimeService runtimeService, Clock clock) {
        this.engagements = engagements;
        this.records = records;
        this.runtimeService = runtimeService;
        this.clock = clock;
    }

    /** The engagement's certification state; 404 when the user may not see the engagement. */
    public CertificationStatus status(UUID engagementId, AuthenticatedUser user) {
        return statusOf(engagements.get(engagementId, user));
    }

    /** The certification state of an engagement the caller has already read (and so may see). */
    public CertificationStatus statusOf(Engagement engagement) {
        CertificateRow certificate = records.currentCertificate(engagement.id()).orElse(null);
        return new CertificationStatus(engagement.id(), certificate == null ? null : certificate.status(),
                certificate == null ? null : certificate.asCertificate(),
                records.programme(engagement.id()).map(programme -> new CertificationStatus.AuditDays(
                        programme.personsInScope(), programme.auditDays().initial(), programme.auditDays().stage1(),
                        programme.auditDays().stage2(), programme.auditDays().surveillance(),
                        programme.auditDays().recertification())).orElse(null),
                records.milestones(engagement.id()));
    }

    /**
     * Raises an event: 404 if the engagement is not visible, 400 for an unknown type or a missing reason, 403 for
     * anyone but an engagement manager or admin, 409 when the event does not apply in the current state.
     */
    @Transactional
    public CertificationStatus raise(UUID engagementId, String type, String reason, AuthenticatedUser user) {
        Engagement engagement = engagements.get(engagementId, user);
        CycleEvent event = CycleEvent.ofType(type).orElseThrow(() -> new InvalidInputException(
                "Unknown event '%s'; use suspend, restore, withdraw, scope-change or special-audit.".formatted(type)));
        if (!user.has(Role.ENGAGEMENT_MANAGER) && !user.has(Role.ADMIN)) {
            throw new ForbiddenException("Only an engagement manager raises events on a certification cycle.");
        }
        if (reason == null || reason.isBlank()) {
            String message = "Give the reason for the event.";
            throw new InvalidInputException(message, Map.of("reason", message));
        }
        if (engagement.framework() != Framework.ISO27001) {
            throw new ConflictException("Only an ISO/IEC 27001 certification cycle takes these events.");
        }
        CertificateRow certificate = records.currentCertificate(engagement.id()).orElseThrow(() ->
                new ConflictException("The engagement has no certificate yet, so it cannot be " + done(event) + "."));
        if (!event.appliesTo(certificate.status())) {
            throw new ConflictException("The certificate is %s; it cannot be %s now."
                    .formatted(certificate.status().name().toLowerCase(), done(event)));
        }
        records.insertEvent(engagement.id(), event.type(), reason.strip(), user.getUsername(), clock.instant());
        try {
            runtimeService.createMessageCorrelation(event.messageName())
                    .processInstanceId(engagement.processInstanceId())
                    .correlateWithResult();
        } catch (MismatchingMessageCorrelationException e) {
            throw new ConflictException("The certification cycle is not at a point where it can be %s."
                    .formatted(done(event)));
        }
        return status(engagementId, user);
    }

    private static String done(CycleEvent event) {
        return switch (event) {
            case SUSPEND -> "suspended";
            case RESTORE -> "restored";
            case WITHDRAW -> "withdrawn";
            case SCOPE_CHANGE -> "changed in scope";
            case SPECIAL_AUDIT -> "given a special audit";
        };
    }
}
