package org.auditmanager.soa;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.auditmanager.security.AuthenticatedUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The Statement of Applicability of an ISO engagement; every answer is the statement as it now stands. */
@RestController
@RequestMapping("/api/engagements/{engagementId}/soa")
class SoaApiController {

    private final StatementsOfApplicability statements;

    SoaApiController(StatementsOfApplicability statements) {
        this.statements = statements;
    }

    @GetMapping
    StatementOfApplicability get(@PathVariable UUID engagementId, @AuthenticationPrincipal AuthenticatedUser user) {
        return statements.view(engagementId, user);
    }

    /** Replaces the draft's decisions; creates version 1 on first use. */
    @PutMapping("/draft")
    StatementOfApplicability saveDraft(@PathVariable UUID engagementId, @RequestBody List<SoaEntry> entries,
                                       @AuthenticationPrincipal AuthenticatedUser user) {
        return statements.saveDraft(engagementId, entries, user);
    }

    @PostMapping("/submit")
    StatementOfApplicability submit(@PathVariable UUID engagementId, @AuthenticationPrincipal AuthenticatedUser user) {
        return statements.submit(engagementId, user);
    }

    @PostMapping("/approve")
    StatementOfApplicability approve(@PathVariable UUID engagementId, @AuthenticationPrincipal AuthenticatedUser user) {
        return statements.approve(engagementId, user);
    }

    @PostMapping("/send-back")
    StatementOfApplicability sendBack(@PathVariable UUID engagementId, @AuthenticationPrincipal AuthenticatedUser user) {
        return statements.sendBack(engagementId, user);
    }

    /** A new draft from the approved version, the way to change an approved statement. */
    @PostMapping("/revisions")
    @ApiResponse(responseCode = "201", description = "The new draft, started from the approved version.")
    ResponseEntity<StatementOfApplicability> startRevision(@PathVariable UUID engagementId,
                                                           @AuthenticationPrincipal AuthenticatedUser user) {
        return ResponseEntity.created(URI.create("/api/engagements/" + engagementId + "/soa"))
                .body(statements.startRevision(engagementId, user));
    }
}
