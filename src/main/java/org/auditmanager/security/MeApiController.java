package org.auditmanager.security;

import java.util.List;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class MeApiController {

    record Me(String username, String displayName, List<Role> roles, UUID organisationId) {
    }

    @GetMapping("/api/me")
    Me me(@AuthenticationPrincipal AuthenticatedUser user) {
        return new Me(user.getUsername(), user.displayName(), user.roles().stream().sorted().toList(),
                user.organisationId());
    }
}
