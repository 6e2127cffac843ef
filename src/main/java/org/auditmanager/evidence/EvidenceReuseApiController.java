package org.auditmanager.evidence;

import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.auditmanager.common.PageOf;
import org.auditmanager.common.PageRequest;
import org.auditmanager.security.AuthenticatedUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Generated PBC lists and reuse of accepted evidence across an organisation's engagements, over the JSON API. */
@RestController
class EvidenceReuseApiController {

    record Reuse(UUID versionId) {
    }

    private final EvidenceRequestGenerator generator;
    private final EvidenceReuse reuse;

    EvidenceReuseApiController(EvidenceRequestGenerator generator, EvidenceReuse reuse) {
        this.generator = generator;
        this.reuse = reuse;
    }

    /** Drafts a request per control in scope that has none yet; answers how many were added. */
    @PostMapping("/api/engagements/{engagementId}/evidence-requests/generate")
    Map<String, Integer> generate(@PathVariable UUID engagementId, @AuthenticationPrincipal AuthenticatedUser user) {
        return Map.of("added", generator.generate(engagementId, user));
    }

    @GetMapping("/api/evidence-requests/{id}/reuse-candidates")
    PageOf<ReuseCandidate> candidates(@PathVariable UUID id, @RequestParam(required = false) Integer page,
                                      @RequestParam(required = false) Integer size,
                                      @AuthenticationPrincipal AuthenticatedUser user) {
        PageRequest request = PageRequest.of(page, size);
        return PageOf.of(reuse.candidates(id, user), request);
    }

    @PostMapping("/api/evidence-requests/{id}/reuse")
    ResponseEntity<EvidenceFile> reuse(@PathVariable UUID id, @RequestBody Reuse body,
                                       @AuthenticationPrincipal AuthenticatedUser user) {
        EvidenceFile file = reuse.reuse(id, body.versionId(), user);
        return ResponseEntity.created(URI.create("/api/evidence-requests/" + id + "/files/" + file.versionId()))
                .body(file);
    }
}
