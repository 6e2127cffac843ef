package org.auditmanager.audit;

import java.util.List;
import java.util.UUID;
import org.auditmanager.common.PageOf;
import org.auditmanager.common.PageRequest;
import org.auditmanager.engagement.Engagements;
import org.auditmanager.security.AuthenticatedUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AuditTrailApiController {

    private final TrailVerification verification;
    private final TrailRepository repository;
    private final Engagements engagements;

    AuditTrailApiController(TrailVerification verification, TrailRepository repository, Engagements engagements) {
        this.verification = verification;
        this.repository = repository;
        this.engagements = engagements;
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
        engagements.get(id, user);
        PageRequest request = PageRequest.of(page, size);
        TrailFilter filter = new TrailFilter(action, actor);
        List<TrailEntry> entries = repository.ofEngagement(id, filter, request.size(), request.page() * request.size());
        return new PageOf<>(entries, repository.countOfEngagement(id, filter), request.page(), request.size());
    }
}
