package org.auditmanager.soc2;

import java.util.List;

/**
 * A vendor whose controls are needed, with the service organisation's own, to meet the service commitments or
 * criteria (reference.md E.6), as the system description presents it.
 *
 * @param csocs               the complementary subservice organisation controls the description lists
 * @param monitoringDescribed the description says how the service organisation monitors it
 * @param writtenAssertion    it has given a written assertion of its own
 * @param auditFirm           the subservice organisation is the audit firm itself (for example its scanning
 *                            service is a key control)
 */
public record SubserviceOrganisation(String name, SubserviceMethod method, List<String> csocs,
                                     boolean monitoringDescribed, boolean writtenAssertion, boolean auditFirm) {

    public SubserviceOrganisation {
        csocs = List.copyOf(csocs);
    }
}
