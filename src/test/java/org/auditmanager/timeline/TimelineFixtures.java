package org.auditmanager.timeline;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.engagement.EngagementKind;
import org.auditmanager.engagement.Engagements;
import org.auditmanager.engagement.Framework;
import org.auditmanager.engagement.NewEngagement;
import org.auditmanager.organisation.Organisations;
import org.auditmanager.security.AuthenticatedUser;
import org.auditmanager.security.UserAccounts;
import org.auditmanager.tasks.TaskActions;
import org.auditmanager.tasks.TaskFilter;
import org.auditmanager.tasks.TaskItem;
import org.auditmanager.tasks.TaskLists;
import org.springframework.context.ApplicationContext;

/**
 * Fresh engagements of the demo organisations, made and moved through the same services people use, so that
 * tests never share milestones. Built from the context rather than added to it, so these tests share the cached
 * demo context with the other web tests.
 */
public class TimelineFixtures {

    public static final String ACME = "Acme Cloud Ltd";
    public static final String GLOBEX = "Globex Corp";

    private final Engagements engagements;
    private final Organisations organisations;
    private final UserAccounts users;
    private final TaskLists taskLists;
    private final TaskActions taskActions;

    public TimelineFixtures(ApplicationContext context) {
        this.engagements = context.getBean(Engagements.class);
        this.organisations = context.getBean(Organisations.class);
        this.users = context.getBean(UserAccounts.class);
        this.taskLists = context.getBean(TaskLists.class);
        this.taskActions = context.getBean(TaskActions.class);
    }

    /** An ISO cycle of the organisation; Acme's is led by "lead", Globex's by "auditor". */
    public Engagement iso(String organisation, String title) {
        return engagements.create(new NewEngagement(organisation(organisation), Framework.ISO27001,
                EngagementKind.CERTIFICATION_CYCLE, title, "Whole company", leadOf(organisation), List.of(),
                "reviewer", null, null, null, null, null), principal("manager"));
    }

    public Engagement soc2TypeII(String organisation, String title, LocalDate start, LocalDate end) {
        return engagements.create(new NewEngagement(organisation(organisation), Framework.SOC2,
                EngagementKind.TYPE_II, title, "Customer platform", leadOf(organisation), List.of(), null,
                "reviewer", null, start, end, null), principal("manager"));
    }

    /** The lead auditor plans the fieldwork and accepts: the client's "Confirm audit contacts" task opens. */
    public void plan(Engagement engagement, LocalDate fieldworkStart, LocalDate fieldworkEnd) {
        complete(engagement, engagement.leadAuditor(), Map.of(
                "plannedStart", List.of(fieldworkStart.toString()),
                "plannedEnd", List.of(fieldworkEnd.toString()),
                "auditorDays", List.of("6"),
                "decision", List.of("accept"),
                "independenceConfirmed", List.of("true")));
    }

    public TaskItem openTask(Engagement engagement, String username) {
        return taskLists.list(principal(username), new TaskFilter(engagement.id(), null, null, null, null), 0, 1)
                .items().get(0);
    }

    public AuthenticatedUser principal(String username) {
        return (AuthenticatedUser) users.loadUserByUsername(username);
    }

    private void complete(Engagement engagement, String username, Map<String, List<String>> values) {
        taskActions.complete(openTask(engagement, username).id(), values, principal(username));
    }

    private UUID organisation(String name) {
        return organisations.findByName(name).orElseThrow().id();
    }

    private static String leadOf(String organisation) {
        return ACME.equals(organisation) ? "lead" : "auditor";
    }
}
