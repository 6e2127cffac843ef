package org.auditmanager.audit;

import java.util.UUID;
import org.auditmanager.common.PageOf;
import org.auditmanager.common.PageRequest;
import org.auditmanager.security.AuthenticatedUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AuditTrailApiController {

    private final TrailVerification verification;
    private final EngagementTrail trail;

    AuditTrailApiController(TrailVerification verification, EngagementTrail trail) {
        this.verification = verification;
        this.trail = trail;
    }

    /** ADMIN only (see SecurityConfig): recomputes the chain and names the first broken entry. */
    @GetMapping("/api/audit-trail/verify")
    TrailVerification.Result verify() {
        return verification.verify();
    }

    @GetMapping("/api/engagements/{id}/audit-trail")
    PageOf<TrailEntry> ofEngagement(@PathVariable UUID id, @RequestParam(required = false) String action,
                                    @RequestParam(required = false) String actor,
                                    @RequestParam(required = false) Integer page,
                                    @RequestParam(required = false) Integer size,
                                    @AuthenticationPrincipal AuthenticatedUser user) {
        return trail.of(id, new TrailFilter(action, actor), PageRequest.of(page, size), user);
    }
}
