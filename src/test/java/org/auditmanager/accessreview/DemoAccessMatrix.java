package org.auditmanager.accessreview;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.engagement.Engagements;
import org.auditmanager.security.AuthenticatedUser;
import org.auditmanager.security.UserAccounts;

/**
 * Who may reach which demo engagement, written down by hand from the demo's teams, so tests compare
 * behaviour with an expectation and not with the rule that produces it.
 */
final class DemoAccessMatrix {

    /** The four demo engagements and their teams (DemoData). */
    enum DemoEngagement {
        /** lead (lead), auditor, reviewer (decision maker); PlanEngagement open */
        ACME_ISO("ISO/IEC 27001 initial certification", true),
        /** lead (lead), reviewer (quality reviewer); ConfirmAuditContacts open, plan done */
        ACME_SOC2("SOC 2 Type II", true),
        /** auditor (lead), reviewer (decision maker); kick-off completed */
        GLOBEX_ISO("ISO/IEC 27001 recertification", false),
        /** auditor (lead), reviewer (quality reviewer); declined */
        GLOBEX_SOC2("SOC 2 Type I readiness", false);

        final String titlePrefix;
        final boolean running;

        DemoEngagement(String titlePrefix, boolean running) {
            this.titlePrefix = titlePrefix;
            this.running = running;
        }

        Engagement in(Engagements engagements, AuthenticatedUser manager) {
            return engagements.visibleTo(manager, 0, 50).stream()
                    .filter(engagement -> engagement.title().startsWith(titlePrefix)).findFirst().orElseThrow();
        }
    }

    /** An external auditor the tests add to Globex's ISO engagement, with an open access window. */
    static final String EXTERNAL = "ext-globex";

    /** Staff: who reaches what. */
    static final Map<String, Set<DemoEngagement>> STAFF = staff();
    /** Everyone, clients and the external auditor included. */
    static final Map<String, Set<DemoEngagement>> EVERYONE = everyone();

    private DemoAccessMatrix() {
    }

    /** Adds {@link #EXTERNAL} to Globex's ISO engagement, from yesterday for a month, unless already there. */
    static void ensureExternal(ExternalAuditors externals, Engagements engagements, AuthenticatedUser manager,
                               UserAccounts users, Clock clock) {
        if (users.exists(EXTERNAL)) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        externals.create(new NewExternalAuditor(DemoEngagement.GLOBEX_ISO.in(engagements, manager).id(), EXTERNAL,
                "Erin External", "erin@external.example", EXTERNAL + "-password", today.minusDays(1),
                today.plusDays(30)), manager);
    }

    private static Map<String, Set<DemoEngagement>> staff() {
        Map<String, Set<DemoEngagement>> reach = new LinkedHashMap<>();
        reach.put("admin", EnumSet.allOf(DemoEngagement.class));
        reach.put("manager", EnumSet.allOf(DemoEngagement.class));
        reach.put("lead", EnumSet.of(DemoEngagement.ACME_ISO, DemoEngagement.ACME_SOC2));
        reach.put("auditor", EnumSet.of(DemoEngagement.ACME_ISO, DemoEngagement.GLOBEX_ISO, DemoEngagement.GLOBEX_SOC2));
        reach.put("reviewer", EnumSet.allOf(DemoEngagement.class));
        return reach;
    }

    private static Map<String, Set<DemoEngagement>> everyone() {
        Map<String, Set<DemoEngagement>> reach = new LinkedHashMap<>(staff());
        reach.put("acme", EnumSet.of(DemoEngagement.ACME_ISO, DemoEngagement.ACME_SOC2));
        reach.put("globex", EnumSet.of(DemoEngagement.GLOBEX_ISO, DemoEngagement.GLOBEX_SOC2));
        reach.put(EXTERNAL, EnumSet.of(DemoEngagement.GLOBEX_ISO));
        return reach;
    }
}
