package org.auditmanager.signoff;

import io.swagger.v3.oas.annotations.Operation;
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
class SignOffApiController {

    private final SignOffs signOffs;

    SignOffApiController(SignOffs signOffs) {
        this.signOffs = signOffs;
    }

    @GetMapping("/api/engagements/{id}/signoffs")
    @Operation(summary = "The engagement's sign-offs and approval decisions, latest first",
            description = "Who signed which step, when, with which decision, comment and typed name, and the SHA-256 "
                    + "of the summary they were shown. Records are never changed: signing again after a return "
                    + "adds the next version. 404 when you may not see the engagement.")
    PageOf<SignOff> of(@PathVariable UUID id, @RequestParam(required = false) Integer page,
                       @RequestParam(required = false) Integer size,
                       @AuthenticationPrincipal AuthenticatedUser user) {
        return signOffs.of(id, user, PageRequest.of(page, size));
    }
}
