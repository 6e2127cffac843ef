package org.auditmanager.notify;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.engagement.Engagements;
import org.auditmanager.engagement.TeamMember;
import org.auditmanager.security.AuthenticatedUser;
import org.auditmanager.security.CamundaGroups;
import org.auditmanager.security.Role;
import org.auditmanager.security.UserAccount;
import org.auditmanager.security.UserAccounts;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Who hears about what. Every list ends with the same filter: an enabled account with an e-mail address that
 * may see the engagement, so no notice ever reaches someone outside it (a client of another organisation).
 */
@Component
class Recipients {

    /**
     * Reads every engagement for the scans; what a notice may say is then decided per recipient, with the
     * recipient's own visibility.
     */
    static final AuthenticatedUser SYSTEM = new AuthenticatedUser("system", "System", Set.of(Role.ADMIN), null, true,
            null);

    record Recipient(AuthenticatedUser user, String email, String displayName) {

        String username() {
            return user.getUsername();
        }
    }

    private final UserAccounts users;
    private final Engagements engagements;
    private final TaskService taskService;
    private final NotificationRepository repository;

    Recipients(UserAccounts users, Engagements engagements, TaskService taskService,
               NotificationRepository repository) {
        this.users = users;
        this.engagements = engagements;
        this.taskService = taskService;
        this.repository = repository;
    }

    /** The assignee; for an unassigned task, everyone it is offered to (candidate users and group members). */
    List<Recipient> forTask(Task task, Engagement engagement) {
        if (task.getAssignee() != null) {
            return allowed(List.of(task.getAssignee()), engagement);
        }
        List<String> candidates = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
            if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
                continue;
            }
            if (link.getUserId() != null) {
                candidates.add(link.getUserId());
            }
            if (link.getGroupId() != null) {
                groups.add(link.getGroupId());
            }
        }
        if (!groups.isEmpty()) {
            for (UserAccount account : users.findAll()) {
                if (groupsOf(account).stream().anyMatch(groups::contains)) {
                    candidates.add(account.username());
                }
            }
        }
        return allowed(candidates, engagement);
    }

    /** The lead auditor and the auditors of the engagement team. */
    List<Recipient> auditTeam(Engagement engagement) {
        // engagement lists come without their team: read the engagement itself
        List<String> team = engagements.get(engagement.id(), SYSTEM).team().stream().filter(member -> member.role().isAuditTeam())
                .map(TeamMember::username).toList();
        List<String> names = new ArrayList<>(team);
        if (engagement.leadAuditor() != null && !names.contains(engagement.leadAuditor())) {
            names.add(0, engagement.leadAuditor());
        }
        return allowed(names, engagement);
    }

    /**
     * The engagement manager: whoever created the engagement, if they still are an engagement manager; otherwise
     * every engagement manager.
     */
    List<Recipient> managers(Engagement engagement) {
        List<UserAccount> accounts = users.findAll();
        String creator = repository.engagementCreator(engagement.id()).orElse(null);
        boolean creatorIsManager = accounts.stream().anyMatch(account -> account.username().equals(creator)
                && account.enabled() && account.roles().contains(Role.ENGAGEMENT_MANAGER));
        List<String> names = creatorIsManager ? List.of(creator) : accounts.stream()
                .filter(account -> account.roles().contains(Role.ENGAGEMENT_MANAGER))
                .map(UserAccount::username).toList();
        return allowed(names, engagement);
    }

    /** A digest subscriber: an enabled account with an address; the digest itself holds only what they may see. */
    Optional<Recipient> subscriber(String username) {
        return users.find(username)
                .filter(UserAccount::enabled)
                .filter(account -> account.email() != null && !account.email().isBlank())
                .map(account -> new Recipient((AuthenticatedUser) users.loadUserByUsername(username), account.email(),
                        account.displayName()));
    }

    private List<Recipient> allowed(List<String> usernames, Engagement engagement) {
        Map<String, Recipient> allowed = new LinkedHashMap<>();
        for (String username : usernames) {
            if (allowed.containsKey(username)) {
                continue;
            }
            users.find(username)
                    .filter(UserAccount::enabled)
                    .filter(account -> account.email() != null && !account.email().isBlank())
                    .ifPresent(account -> {
                        AuthenticatedUser principal = (AuthenticatedUser) users.loadUserByUsername(username);
                        if (engagements.isVisible(engagement.id(), principal)) {
                            allowed.put(username, new Recipient(principal, account.email(), account.displayName()));
                        }
                    });
        }
        return List.copyOf(allowed.values());
    }

    private static Set<String> groupsOf(UserAccount account) {
        Set<String> groups = new HashSet<>();
        account.roles().forEach(role -> groups.add(CamundaGroups.roleGroup(role)));
        UUID organisation = account.organisationId();
        if (organisation != null) {
            groups.add(CamundaGroups.organisationGroup(organisation));
        }
        return groups;
    }
}
