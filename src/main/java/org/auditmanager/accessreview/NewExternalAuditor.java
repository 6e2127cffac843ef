package org.auditmanager.accessreview;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;

/** An auditor from outside the firm, for one engagement and the days they may work on it (both included). */
public record NewExternalAuditor(
        @NotNull(message = "{external.engagement.required}") UUID engagementId,
        @NotBlank(message = "{external.username.required}")
        @Pattern(regexp = "[a-z0-9][a-z0-9._-]{2,63}", message = "{external.username.pattern}") String username,
        @NotBlank(message = "{external.displayName.required}") @Size(max = 200) String displayName,
        @Email(message = "{external.email.invalid}") @Size(max = 320) String email,
        @NotBlank(message = "{external.password.required}")
        @Size(min = 12, max = 128, message = "{external.password.size}") String password,
        @NotNull(message = "{external.accessFrom.required}") LocalDate accessFrom,
        @NotNull(message = "{external.accessUntil.required}") LocalDate accessUntil) {

    @Override
    public String toString() {
        return "NewExternalAuditor[" + username + " on " + engagementId + " from " + accessFrom + " until " + accessUntil + "]";
    }
}
