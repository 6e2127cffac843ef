package org.auditmanager.organisation;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.net.URI;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/organisations")
class OrganisationApiController {

    private final Organisations organisations;

    OrganisationApiController(Organisations organisations) {
        this.organisations = organisations;
    }

    @GetMapping
    PageOf<Organisation> list(@RequestParam(required = false) Integer page,
                              @RequestParam(required = false) Integer size,
                              @AuthenticationPrincipal AuthenticatedUser user) {
        return organisations.visibleTo(user, PageRequest.of(page, size));
    }

    @GetMapping("/{id}")
    Organisation get(@PathVariable UUID id, @AuthenticationPrincipal AuthenticatedUser user) {
        return organisations.get(id, user);
    }

    @PostMapping
    @ApiResponse(responseCode = "201", description = "Created.")
    ResponseEntity<Organisation> create(@Valid @RequestBody OrganisationForm form) {
        Organisation created = organisations.create(form);
        return ResponseEntity.created(URI.create("/api/organisations/" + created.id())).body(created);
    }
}
