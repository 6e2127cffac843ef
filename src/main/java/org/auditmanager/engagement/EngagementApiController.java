package org.auditmanager.engagement;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.auditmanager.security.AuthenticatedUser;
import org.auditmanager.common.PageOf;
import org.auditmanager.common.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/engagements")
class EngagementApiController {

    private final Engagements engagements;

    EngagementApiController(Engagements engagements) {
        this.engagements = engagements;
    }

    @GetMapping
    PageOf<Engagement> list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                            @AuthenticationPrincipal AuthenticatedUser user) {
        PageRequest request = PageRequest.of(page, size);
        return new PageOf<>(engagements.visibleTo(user, request.page(), request.size()),
                engagements.countVisibleTo(user), request.page(), request.size());
    }

    @GetMapping("/{id}")
    Engagement get(@PathVariable UUID id, @AuthenticationPrincipal AuthenticatedUser user) {
        return engagements.get(id, user);
    }

    @PostMapping
    @ApiResponse(responseCode = "201", description = "Created, with its process started.")
    ResponseEntity<Engagement> create(@Valid @RequestBody NewEngagement request,
                                      @AuthenticationPrincipal AuthenticatedUser user) {
        Engagement created = engagements.create(request, user);
        return ResponseEntity.created(URI.create("/api/engagements/" + created.id())).body(created);
    }
}
