package org.auditmanager;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** One package per feature, no cycles, only each feature's top-level types used from outside. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(AuditManagerApplication.class);

    @Test
    void featurePackagesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void writesTheModuleDocumentation() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
