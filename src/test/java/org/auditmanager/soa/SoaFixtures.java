package org.auditmanager.soa;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.auditmanager.catalog.Catalog;
import org.auditmanager.catalog.CatalogItem;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.engagement.EngagementKind;
import org.auditmanager.engagement.Engagements;
import org.auditmanager.engagement.Framework;
import org.auditmanager.engagement.NewEngagement;
import org.auditmanager.organisation.Organisations;
import org.auditmanager.security.AuthenticatedUser;
import org.auditmanager.security.UserAccounts;
import org.springframework.context.ApplicationContext;

/**
 * Fresh engagements of the demo organisations for each test, made through the same service a manager uses,
 * so that tests never share a Statement of Applicability. Built from the context rather than added to it, so
 * that these tests share the cached demo context with the other web tests.
 */
class SoaFixtures {

    private final Engagements engagements;
    private final Organisations organisations;
    private final UserAccounts users;
    private final Catalog catalog;
    private final ObjectMapper json;

    SoaFixtures(ApplicationContext context) {
        this.engagements = context.getBean(Engagements.class);
        this.organisations = context.getBean(Organisations.class);
        this.users = context.getBean(UserAccounts.class);
        this.catalog = context.getBean(Catalog.class);
        this.json = context.getBean(ObjectMapper.class);
    }

    /** An Acme ISO cycle led by "lead", with "reviewer" as decision maker and nobody else on the team. */
    Engagement acmeIso() {
        return engagements.create(new NewEngagement(organisation("Acme Cloud Ltd"), Framework.ISO27001,
                EngagementKind.CERTIFICATION_CYCLE, "ISO/IEC 27001 SoA test", "Cloud platform", "lead", List.of(),
                "reviewer", null, null, null, null, null), principal("manager"));
    }

    Engagement acmeSoc2() {
        return engagements.create(new NewEngagement(organisation("Acme Cloud Ltd"), Framework.SOC2,
                EngagementKind.TYPE_I, "SOC 2 Type I", "Customer platform", "lead", List.of(), null, "reviewer",
                LocalDate.of(2026, 6, 30), null, null, null), principal("manager"));
    }

    /** A decision for every Annex A control: the physical controls excluded (no premises of its own). */
    List<Map<String, Object>> completeDecisions() {
        return catalog.isoControls().stream().map(SoaFixtures::decision).toList();
    }

    static Map<String, Object> decision(CatalogItem control) {
        return control.group().equals("Physical")
                ? Map.of("controlId", control.id(), "applicable", false,
                        "justification", "Hosted in a certified colocation data centre; no premises of our own.")
                : Map.of("controlId", control.id(), "applicable", true, "implementationStatus", "IMPLEMENTED");
    }

    String toJson(Object value) throws Exception {
        return json.writeValueAsString(value);
    }

    AuthenticatedUser principal(String username) {
        return (AuthenticatedUser) users.loadUserByUsername(username);
    }

    private UUID organisation(String name) {
        return organisations.findByName(name).orElseThrow().id();
    }
}
