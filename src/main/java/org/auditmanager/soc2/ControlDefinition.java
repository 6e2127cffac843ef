package org.auditmanager.soc2;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** One row of the control matrix as the auditor enters it: the client's control and the criteria it addresses. */
public record ControlDefinition(
        @NotBlank @Size(max = 40) String reference,
        @NotBlank @Size(max = 2000) String description,
        @NotNull ControlFrequency frequency,
        @NotEmpty @Size(max = 100) List<@NotBlank String> criteria) {
}
