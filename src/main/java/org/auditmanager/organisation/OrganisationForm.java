package org.auditmanager.organisation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A new organisation, as the API and the page submit it. */
public record OrganisationForm(
        @NotBlank(message = "{organisation.name.required}") @Size(max = 200) String name,
        @Min(value = 1, message = "{organisation.persons.min}") @Max(1_000_000) Integer personsInScope,
        @Size(max = 50) List<@NotBlank @Size(max = 200) String> sites) {

    public List<String> sitesOrEmpty() {
        return sites == null ? List.of() : sites;
    }
}
