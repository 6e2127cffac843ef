package org.auditmanager.accessreview;

import jakarta.validation.Valid;
import java.net.URI;
import org.auditmanager.common.PageOf;
import org.auditmanager.common.PageRequest;
import org.auditmanager.security.AuthenticatedUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** External auditors over the API, for managers (role checked in SecurityConfig). */
@RestController
@RequestMapping("/api/external-auditors")
class ExternalAuditorApiController {

    private final ExternalAuditors externals;

    ExternalAuditorApiController(ExternalAuditors externals) {
        this.externals = externals;
    }

    @GetMapping
    PageOf<ExternalAuditor> list(@RequestParam(required = false) Integer page,
                                 @RequestParam(required = false) Integer size,
                                 @AuthenticationPrincipal AuthenticatedUser manager) {
        return PageOf.of(externals.visibleTo(manager), PageRequest.of(page, size));
    }

    @GetMapping("/{username}")
    ExternalAuditor get(@PathVariable String username, @AuthenticationPrincipal AuthenticatedUser manager) {
        return externals.find(username, manager);
    }

    @PostMapping
    ResponseEntity<ExternalAuditor> create(@Valid @RequestBody NewExternalAuditor request,
                                           @AuthenticationPrincipal AuthenticatedUser manager) {
        ExternalAuditor created = externals.create(request, manager);
        return ResponseEntity.created(URI.create("/api/external-auditors/" + created.username())).body(created);
    }

    @PostMapping("/{username}/revoke")
    ResponseEntity<Void> revoke(@PathVariable String username, @AuthenticationPrincipal AuthenticatedUser manager) {
        externals.revoke(username, manager);
        return ResponseEntity.noContent().build();
    }
}
