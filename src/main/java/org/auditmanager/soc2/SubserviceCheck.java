package org.auditmanager.soc2;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;

/** What the description of subservice organisations still lacks (reference.md E.6, E.8), in words. */
@Component
public class SubserviceCheck {

    private final Soc2Properties.SubserviceRules rules;

    SubserviceCheck(Soc2Properties properties) {
        this.rules = properties.subservice();
    }

    public List<String> problems(Collection<SubserviceOrganisation> organisations) {
        List<String> problems = new ArrayList<>();
        for (SubserviceOrganisation organisation : organisations) {
            String name = organisation.name();
            if (organisation.auditFirm()) {
                problems.add(("%s is the audit firm's own service and a subservice organisation of the client: the "
                        + "firm's independence is impaired.").formatted(name));
            }
            if (organisation.method() == SubserviceMethod.CARVE_OUT) {
                if (organisation.csocs().isEmpty()) {
                    problems.add(("%s is carved out, so the description must list the complementary subservice "
                            + "organisation controls (CSOCs) it is assumed to operate.").formatted(name));
                }
                if (!organisation.monitoringDescribed()) {
                    problems.add(("%s is carved out, so the description must say how the service organisation "
                            + "monitors it (for example by reviewing its own SOC 2 report).").formatted(name));
                }
            } else {
                if (!organisation.csocs().isEmpty()) {
                    problems.add(("%s is included: its controls are tested and covered by the opinion, so the "
                            + "description lists no CSOCs for it.").formatted(name));
                }
                if (rules.inclusiveNeedsAssertion() && !organisation.writtenAssertion()) {
                    problems.add("%s is included, so it must give a written assertion of its own.".formatted(name));
                }
            }
        }
        return problems;
    }
}
