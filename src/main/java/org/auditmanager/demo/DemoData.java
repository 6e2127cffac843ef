package org.auditmanager.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.time.Clock;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.engagement.EngagementKind;
import org.auditmanager.engagement.Engagements;
import org.auditmanager.engagement.Framework;
import org.auditmanager.engagement.NewEngagement;
import org.auditmanager.organisation.Organisation;
import org.auditmanager.organisation.OrganisationForm;
import org.auditmanager.organisation.Organisations;
import org.auditmanager.security.AuthenticatedUser;
import org.auditmanager.security.NewUser;
import org.auditmanager.security.Role;
import org.auditmanager.security.UserAccounts;
import org.auditmanager.tasks.TaskActions;
import org.auditmanager.tasks.TaskFilter;
import org.auditmanager.tasks.TaskLists;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo profile once: two client organisations, one user per role (password = user name) and
 * engagements in different phases, driven through the same services and tasks a person would use.
 * {@code app.demo.seed-engagements=false} seeds the people and organisations only (process tests use it so
 * that only their own instances run).
 */
@Component
@Profile("demo")
class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final UserAccounts users;
    private final Organisations organisations;
    private final Engagements engagements;
    private final TaskLists taskLists;
    private final TaskActions taskActions;
    private final Clock clock;
    private final boolean seedEngagements;

    DemoData(UserAccounts users, Organisations organisations, Engagements engagements, TaskLists taskLists,
             TaskActions taskActions, Clock clock,
             @Value("${app.demo.seed-engagements:true}") boolean seedEngagements) {
        this.seedEngagements = seedEngagements;
        this.users = users;
        this.organisations = organisations;
        this.engagements = engagements;
        this.taskLists = taskLists;
        this.taskActions = taskActions;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seedOnce() {
        if (users.exists("admin")) {
            return;
        }
        Organisation acme = organisations.create(new OrganisationForm("Acme Cloud Ltd", 120,
                List.of("London headquarters", "Dublin data centre")));
        Organisation globex = organisations.create(new OrganisationForm("Globex Corp", 40, List.of("Springfield")));
        staff("admin", "Ada Admin", Role.ADMIN);
        staff("manager", "Mia Manager", Role.ENGAGEMENT_MANAGER);
        staff("lead", "Leo Lead", Role.AUDITOR);
        staff("auditor", "Ava Auditor", Role.AUDITOR);
        staff("reviewer", "Rita Reviewer", Role.REVIEWER);
        client("acme", "Carl Compliance", acme);
        client("globex", "Gina Globex", globex);
        if (seedEngagements) {
            seedEngagements(acme, globex);
        }
        log.info("Demo data seeded: 2 organisations, 7 users (password = user name), {} engagements",
                seedEngagements ? 4 : 0);
    }

    private void seedEngagements(Organisation acme, Organisation globex) {
        AuthenticatedUser manager = principal("manager");
        LocalDate today = LocalDate.now(clock);
        engagements.create(new NewEngagement(acme.id(), Framework.ISO27001, EngagementKind.CERTIFICATION_CYCLE,
                "ISO/IEC 27001 initial certification", "Cloud hosting platform, London and Dublin", "lead",
                List.of("auditor"), "reviewer", null, null, null, null, null), manager);

        Engagement acmeSoc2 = engagements.create(new NewEngagement(acme.id(), Framework.SOC2, EngagementKind.TYPE_II,
                "SOC 2 Type II " + today.getYear(), "Acme Cloud customer platform", "lead", List.of(), null,
                "reviewer", null, today.withDayOfYear(1), today.withDayOfYear(1).plusMonths(6).minusDays(1),
                null), manager);
        completePlan(acmeSoc2, "accept");

        Engagement globexIso = engagements.create(new NewEngagement(globex.id(), Framework.ISO27001,
                EngagementKind.CERTIFICATION_CYCLE, "ISO/IEC 27001 recertification", "Head office and ERP",
                "auditor", List.of(), "reviewer", null, null, null, null, null), manager);
        completePlan(globexIso, "accept");
        complete(globexIso, "globex", Map.of("contactName", List.of("Gina Globex"),
                "contactEmail", List.of("gina@globex.example"), "fieldworkModes", List.of("onsite", "remote"),
                "auditLanguage", List.of("en")));

        Engagement globexSoc2 = engagements.create(new NewEngagement(globex.id(), Framework.SOC2,
                EngagementKind.TYPE_I, "SOC 2 Type I readiness", "Globex payroll service", "auditor", List.of(),
                null, "reviewer", today.plusMonths(2), null, null, Set.of("Security", "Availability")), manager);
        completePlan(globexSoc2, "decline");
    }

    private void completePlan(Engagement engagement, String decision) {
        LocalDate today = LocalDate.now(clock);
        complete(engagement, engagement.leadAuditor(), Map.of(
                "plannedStart", List.of(today.plusWeeks(3).toString()),
                "plannedEnd", List.of(today.plusWeeks(4).toString()),
                "auditorDays", List.of("8.5"),
                "decision", List.of(decision),
                "independenceConfirmed", List.of("true")));
    }

    private void complete(Engagement engagement, String username, Map<String, List<String>> values) {
        AuthenticatedUser user = principal(username);
        String taskId = taskLists.list(user, new TaskFilter(engagement.id(), null, null, null, null), 0, 1)
                .items().get(0).id();
        taskActions.complete(taskId, values, user);
    }

    private void staff(String username, String name, Role role) {
        users.create(new NewUser(username, name, username + "@auditfirm.example", username, Set.of(role), null));
    }

    private void client(String username, String name, Organisation organisation) {
        users.create(new NewUser(username, name, username + "@client.example", username, Set.of(Role.CLIENT),
                organisation.id()));
    }

    private AuthenticatedUser principal(String username) {
        return (AuthenticatedUser) users.loadUserByUsername(username);
    }
}
