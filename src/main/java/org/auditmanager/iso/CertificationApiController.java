package org.auditmanager.iso;

import java.util.UUID;
import org.auditmanager.security.AuthenticatedUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The certification state of an ISO/IEC 27001 engagement and the events raised on its cycle. */
@RestController
@RequestMapping("/api/engagements/{id}")
class CertificationApiController {

    private final Certifications certifications;

    CertificationApiController(Certifications certifications) {
        this.certifications = certifications;
    }

    record EventRequest(String reason) {
    }

    @GetMapping("/certification")
    CertificationStatus status(@PathVariable UUID id, @AuthenticationPrincipal AuthenticatedUser user) {
        return certifications.status(id, user);
    }

    @PostMapping("/events/{type}")
    CertificationStatus raise(@PathVariable UUID id, @PathVariable String type,
                              @RequestBody(required = false) EventRequest request,
                              @AuthenticationPrincipal AuthenticatedUser user) {
        return certifications.raise(id, type, request == null ? null : request.reason(), user);
    }
}
