package org.auditmanager.soc2;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A subservice organisation as scoping records it (reference.md E.6); CSOCs are listed under carve-out only. */
public record SubserviceDefinition(
        @NotBlank @Size(max = 200) String name,
        @NotNull SubserviceMethod method,
        @Size(max = 50) List<@NotBlank @Size(max = 500) String> csocs,
        boolean monitoringDescribed,
        boolean writtenAssertion,
        boolean auditFirm) {

    SubserviceOrganisation organisation() {
        return new SubserviceOrganisation(name, method, csocs == null ? List.of() : csocs, monitoringDescribed,
                writtenAssertion, auditFirm);
    }
}
