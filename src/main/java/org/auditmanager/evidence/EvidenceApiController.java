package org.auditmanager.evidence;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Evidence requests over the JSON API; files are in {@link EvidenceFileApiController}. */
@RestController
class EvidenceApiController {

    record Comment(@Size(max = 4000) String text) {
    }

    record Selection(List<UUID> ids) {
    }

    record Cancellation(@Size(max = 4000) String reason) {
    }

    record Submission(@Size(max = 2000) String clientNote) {
    }

    record Review(String decision, @Size(max = 2000) String reason) {
    }

    private final EvidenceRequests requests;
    private final EvidenceTasks tasks;

    EvidenceApiController(EvidenceRequests requests, EvidenceTasks tasks) {
        this.requests = requests;
        this.tasks = tasks;
    }

    @GetMapping("/api/engagements/{engagementId}/evidence-requests")
    PageOf<EvidenceRequest> list(@PathVariable UUID engagementId, @RequestParam(required = false) Integer page,
                                 @RequestParam(required = false) Integer size,
                                 @AuthenticationPrincipal AuthenticatedUser user) {
        return requests.list(engagementId, user, PageRequest.of(page, size));
    }

    @PostMapping("/api/engagements/{engagementId}/evidence-requests")
    ResponseEntity<EvidenceRequest> create(@PathVariable UUID engagementId, @Valid @RequestBody NewEvidenceRequest body,
                                           @AuthenticationPrincipal AuthenticatedUser user) {
        EvidenceRequest created = requests.create(engagementId, body, user);
        return ResponseEntity.created(URI.create("/api/evidence-requests/" + created.id())).body(created);
    }

    /** Shares several drafts of the list at once, all or none. */
    @PostMapping("/api/engagements/{engagementId}/evidence-requests/share")
    List<EvidenceRequest> shareDrafts(@PathVariable UUID engagementId, @RequestBody Selection body,
                                      @AuthenticationPrincipal AuthenticatedUser user) {
        return requests.share(engagementId, body.ids() == null ? List.of() : body.ids(), user);
    }

    @GetMapping("/api/evidence-requests/{id}")
    EvidenceRequestView get(@PathVariable UUID id, @AuthenticationPrincipal AuthenticatedUser user) {
        return requests.view(id, user);
    }

    @PutMapping("/api/evidence-requests/{id}")
    EvidenceRequest update(@PathVariable UUID id, @Valid @RequestBody NewEvidenceRequest body,
                           @AuthenticationPrincipal AuthenticatedUser user) {
        return requests.update(id, body, user);
    }

    @PostMapping("/api/evidence-requests/{id}/share")
    EvidenceRequest share(@PathVariable UUID id, @AuthenticationPrincipal AuthenticatedUser user) {
        return requests.share(List.of(id), user).get(0);
    }

    @PostMapping("/api/evidence-requests/{id}/cancel")
    EvidenceRequest cancel(@PathVariable UUID id, @Valid @RequestBody(required = false) Cancellation body,
                           @AuthenticationPrincipal AuthenticatedUser user) {
        return requests.cancel(id, body == null ? null : body.reason(), user);
    }

    @PostMapping("/api/evidence-requests/{id}/comments")
    ResponseEntity<ThreadEntry> comment(@PathVariable UUID id, @Valid @RequestBody Comment body,
                                        @AuthenticationPrincipal AuthenticatedUser user) {
        ThreadEntry entry = requests.comment(id, body.text(), user);
        return ResponseEntity.created(URI.create("/api/evidence-requests/" + id)).body(entry);
    }

    /** The client hands the uploaded evidence over for review (completes "Provide evidence"). */
    @PostMapping("/api/evidence-requests/{id}/submit")
    ResponseEntity<Void> submit(@PathVariable UUID id, @Valid @RequestBody(required = false) Submission body,
                                @AuthenticationPrincipal AuthenticatedUser user) {
        String note = body == null || body.clientNote() == null ? "" : body.clientNote();
        tasks.submit(id, Map.of(EvidenceProcess.CLIENT_NOTE, List.of(note)), user);
        return ResponseEntity.noContent().build();
    }

    /** An auditor accepts or rejects (with a reason) the submitted evidence (completes "Review evidence"). */
    @PostMapping("/api/evidence-requests/{id}/review")
    ResponseEntity<Void> review(@PathVariable UUID id, @Valid @RequestBody Review body,
                                @AuthenticationPrincipal AuthenticatedUser user) {
        tasks.review(id, body.decision(), body.reason(), user);
        return ResponseEntity.noContent().build();
    }
}
