package org.auditmanager.soc2;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubserviceCheckTest {

    private final SubserviceCheck check = new SubserviceCheck(Soc2TestProperties.defaults());

    private static SubserviceOrganisation carvedOut(List<String> csocs, boolean monitoringDescribed) {
        return new SubserviceOrganisation("Cloud Host", SubserviceMethod.CARVE_OUT, csocs, monitoringDescribed,
                false, false);
    }

    private static SubserviceOrganisation included(List<String> csocs, boolean writtenAssertion) {
        return new SubserviceOrganisation("Colo Ltd", SubserviceMethod.INCLUSIVE, csocs, false, writtenAssertion,
                false);
    }

    @Test
    void acceptsACarvedOutProviderWithItsCsocsAndMonitoring() {
        assertThat(check.problems(List.of(carvedOut(List.of("Physical access to data centres is restricted"), true))))
                .isEmpty();
    }

    @Test
    void aCarvedOutProviderNeedsCsocsAndADescriptionOfItsMonitoring() {
        assertThat(check.problems(List.of(carvedOut(List.of(), false)))).containsExactly(
                "Cloud Host is carved out, so the description must list the complementary subservice organisation "
                        + "controls (CSOCs) it is assumed to operate.",
                "Cloud Host is carved out, so the description must say how the service organisation monitors it "
                        + "(for example by reviewing its own SOC 2 report).");
    }

    @Test
    void anIncludedProviderHasNoCsocsAndGivesItsOwnAssertion() {
        assertThat(check.problems(List.of(included(List.of(), true)))).isEmpty();
        assertThat(check.problems(List.of(included(List.of("Badge access"), false)))).containsExactly(
                "Colo Ltd is included: its controls are tested and covered by the opinion, so the description lists "
                        + "no CSOCs for it.",
                "Colo Ltd is included, so it must give a written assertion of its own.");
    }

    @Test
    void theAssertionOfAnIncludedProviderIsConfigurable() {
        SubserviceCheck withoutAssertion = new SubserviceCheck(
                Soc2TestProperties.bind(Map.of("app.soc2.subservice.inclusive-needs-assertion", "false")));

        assertThat(withoutAssertion.problems(List.of(included(List.of(), false)))).isEmpty();
    }

    @Test
    void theAuditFirmAsSubserviceOrganisationImpairsIndependence() {
        SubserviceOrganisation scanning = new SubserviceOrganisation("Our vulnerability scanning",
                SubserviceMethod.CARVE_OUT, List.of("Scans run weekly"), true, false, true);

        assertThat(check.problems(List.of(scanning))).containsExactly("Our vulnerability scanning is the audit firm's "
                + "own service and a subservice organisation of the client: the firm's independence is impaired.");
    }
}
