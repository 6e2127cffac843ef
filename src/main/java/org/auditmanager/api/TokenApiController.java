package org.auditmanager.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.auditmanager.common.ForbiddenException;
import org.auditmanager.common.PageOf;
import org.auditmanager.common.PageRequest;
import org.auditmanager.security.ApiTokens;
import org.auditmanager.security.AuthenticatedUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own personal API tokens. */
@RestController
@RequestMapping("/api/me/tokens")
class TokenApiController {

    record NewToken(@NotBlank @Size(max = 100) String name) {
    }

    private final ApiTokens tokens;

    TokenApiController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @GetMapping
    PageOf<ApiTokens.ApiToken> list(@RequestParam(required = false) Integer page,
                                    @RequestParam(required = false) Integer size,
                                    @AuthenticationPrincipal AuthenticatedUser user) {
        return tokens.of(user, PageRequest.of(page, size));
    }

    @PostMapping
    @Operation(summary = "Make a token; the answer holds it this once", description = "Needs your password "
            + "(HTTP Basic): a token cannot make more tokens, so a leaked one cannot outlive its revocation.")
    @ApiResponse(responseCode = "201", description = "Made; `secret` is shown only in this answer.")
    ResponseEntity<ApiTokens.IssuedToken> create(@Valid @RequestBody NewToken body,
                                                 @AuthenticationPrincipal AuthenticatedUser user) {
        requirePassword();
        return ResponseEntity.status(HttpStatus.CREATED).body(tokens.issue(body.name(), user));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Revoke a token; it is refused from the next request on", description = "Needs your "
            + "password (HTTP Basic) or the profile page. Revoking a revoked token changes nothing.")
    @ApiResponse(responseCode = "204", description = "Revoked.")
    ResponseEntity<Void> revoke(@PathVariable UUID id, @AuthenticationPrincipal AuthenticatedUser user) {
        requirePassword();
        tokens.revoke(id, user);
        return ResponseEntity.noContent().build();
    }

    private static void requirePassword() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (ApiTokens.signedInWithToken(authentication)) {
            throw new ForbiddenException("Tokens are made and revoked with your password (HTTP Basic) or on your "
                    + "profile page, not with another token.");
        }
    }
}
