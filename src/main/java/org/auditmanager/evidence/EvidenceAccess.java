package org.auditmanager.evidence;

import java.util.Optional;
import java.util.UUID;
import org.auditmanager.common.ForbiddenException;
import org.auditmanager.common.NotFoundException;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.engagement.Engagements;
import org.auditmanager.security.AuthenticatedUser;
import org.auditmanager.security.Role;
import org.springframework.stereotype.Component;

/**
 * Who may see and change which request. Seeing needs the engagement to be visible (tenancy stays with
 * {@link Engagements}); a client sees a request only once it is shared. Anything not visible answers 404 like
 * an unknown id. Changing requests is for the engagement's audit team and the managers.
 */
@Component
class EvidenceAccess {

    /** A request together with its engagement, as seen by one person. */
    record Scoped(EvidenceRequest request, Engagement engagement) {
    }

    private final EvidenceRequestRepository requests;
    private final Engagements engagements;

    EvidenceAccess(EvidenceRequestRepository requests, Engagements engagements) {
        this.requests = requests;
        this.engagements = engagements;
    }

    Scoped view(UUID requestId, AuthenticatedUser user) {
        EvidenceRequest request = requests.find(requestId).orElseThrow(() -> new NotFoundException("Evidence request"));
        if (!engagements.isVisible(request.engagementId(), user) || (user.isClient() && !request.isShared())) {
            throw new NotFoundException("Evidence request");
        }
        return new Scoped(request, engagements.get(request.engagementId(), user));
    }

    /** The request an evidence-request process instance works on, if the person may see it. */
    Optional<UUID> requestOfProcess(String processInstanceId, AuthenticatedUser user) {
        return requests.findByProcessInstance(processInstanceId).map(request -> view(request.id(), user).request().id());
    }

    Scoped manage(UUID requestId, AuthenticatedUser user) {
        Scoped scoped = view(requestId, user);
        requireManage(scoped.engagement(), user);
        return scoped;
    }

    Engagement engagement(UUID engagementId, AuthenticatedUser user) {
        return engagements.get(engagementId, user);
    }

    void requireManage(Engagement engagement, AuthenticatedUser user) {
        if (!mayManage(engagement, user)) {
            throw new ForbiddenException("Only the engagement's auditors and the engagement managers can change "
                    + "its evidence requests.");
        }
    }

    boolean mayManage(Engagement engagement, AuthenticatedUser user) {
        if (user.isClient()) {
            return false;
        }
        return user.seesAllEngagements() || (user.has(Role.AUDITOR) && engagement.team().stream()
                .anyMatch(member -> member.username().equals(user.getUsername()) && member.role().isAuditTeam()));
    }

    /** Clients add evidence while it is their turn; the audit team may attach files until the request is closed. */
    boolean mayUpload(Scoped scoped, AuthenticatedUser user) {
        EvidenceStatus status = scoped.request().status();
        if (user.isClient()) {
            return status.awaitsClient();
        }
        return !status.isFinal() && mayManage(scoped.engagement(), user);
    }
}
