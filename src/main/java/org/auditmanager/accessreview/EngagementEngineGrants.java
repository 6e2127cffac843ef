package org.auditmanager.accessreview;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.engagement.EngagementMemberAdded;
import org.auditmanager.engagement.Engagements;
import org.auditmanager.engagement.TeamMember;
import org.auditmanager.security.AuthenticatedUser;
import org.auditmanager.security.UserAccounts;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The engine's side of engagement membership: what an auditor or reviewer may see in Cockpit, Tasklist and
 * /engine-rest is granted to them by name, per process instance and per task of the engagements whose team
 * they are on, the moment an instance starts or a task is created (the engine's task and execution events,
 * public API). Instances started by a call activity are found through their super executions, so a
 * sub-process of an engagement is granted to the same people as the engagement itself; grants on process
 * definition keys would instead show every engagement that runs the same process. Managers and admins read
 * everything through group grants ({@code EngineGroupGrants}).
 * <p>
 * The engine also grants each assignee and candidate user of a task read and update on it; a task may
 * therefore be given only to someone who may see its engagement (the same rule as everywhere else), and
 * anything else is refused.
 */
@Component
class EngagementEngineGrants {

    private static final List<Permission> READ = List.of(Permissions.READ);
    private static final List<Permission> READ_AND_WORK = List.of(Permissions.READ, TaskPermissions.TASK_WORK);

    /** The people on one engagement's team, as signed-in principals (their groups match candidate groups). */
    private record Team(Engagement engagement, Map<String, AuthenticatedUser> members) {
    }

    private final AuthorizationService authorizationService;
    private final IdentityService identityService;
    private final HistoryService historyService;
    private final TaskService taskService;
    private final Engagements engagements;
    private final UserAccounts users;
    /** This bean's key for the teams it has read in the current transaction. */
    private final Object teamsKey = new Object();

    EngagementEngineGrants(AuthorizationService authorizationService, IdentityService identityService,
                           HistoryService historyService, TaskService taskService, Engagements engagements,
                           UserAccounts users) {
        this.authorizationService = authorizationService;
        this.identityService = identityService;
        this.historyService = historyService;
        this.taskService = taskService;
        this.engagements = engagements;
        this.users = users;
    }

    @EventListener
    void onExecution(DelegateExecution execution) {
        if (!isProcessInstanceStart(execution)) {
            return;
        }
        asEngine(() -> teamOf(execution).ifPresent(team -> team.members().keySet()
                .forEach(member -> grantInstance(member, execution.getProcessInstanceId(), false))));
    }

    @EventListener
    void onTask(DelegateTask task) {
        String event = task.getEventName();
        if (!TaskListener.EVENTNAME_CREATE.equals(event) && !TaskListener.EVENTNAME_ASSIGNMENT.equals(event)
                && !TaskListener.EVENTNAME_UPDATE.equals(event)) {
            return;
        }
        asEngine(() -> teamOf(task.getExecution()).ifPresent(team -> {
            refuseOutsiders(task, team);
            if (TaskListener.EVENTNAME_CREATE.equals(event)) {
                grantNewTask(task, team);
            }
        }));
    }

    /** Someone joins a running engagement: they get what the team already has. */
    @EventListener
    void onMemberAdded(EngagementMemberAdded added) {
        teamsOfThisTransaction().remove(added.reference());
        AuthenticatedUser member = users.principal(added.username()).orElseThrow();
        List<String> instanceIds = historyService.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(added.reference()).list().stream()
                .map(HistoricProcessInstance::getRootProcessInstanceId).distinct()
                .flatMap(root -> historyService.createHistoricProcessInstanceQuery().rootProcessInstanceId(root)
                        .list().stream())
                .map(HistoricProcessInstance::getId).distinct().toList();
        if (instanceIds.isEmpty()) {
            return;
        }
        asEngine(() -> {
            instanceIds.forEach(id -> grantInstance(member.getUsername(), id, true));
            for (Task task : taskService.createTaskQuery().processInstanceIdIn(instanceIds.toArray(String[]::new)).list()) {
                Set<String> groups = new HashSet<>();
                taskService.getIdentityLinksForTask(task.getId()).stream()
                        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                        .forEach(link -> groups.add(link.getGroupId()));
                ensure(member.getUsername(), Resources.TASK, task.getId(), worksOn(member, groups) ? READ_AND_WORK : READ);
            }
        });
    }

    /** Takes every engine grant a person has: their account's access has ended. */
    void revokeAll(String username) {
        asEngine(() -> authorizationService.createAuthorizationQuery().userIdIn(username).list()
                .forEach(authorization -> authorizationService.deleteAuthorization(authorization.getId())));
    }

    /**
     * The process-level start event of an instance: a start on the instance's own execution before any
     * activity instance exists (every activity's start event carries its activity instance id).
     */
    private static boolean isProcessInstanceStart(DelegateExecution execution) {
        return ExecutionListener.EVENTNAME_START.equals(execution.getEventName())
                && execution.getId().equals(execution.getProcessInstanceId())
                && execution.getActivityInstanceId() == null;
    }

    private Optional<Team> teamOf(DelegateExecution execution) {
        if (execution == null) {
            return Optional.empty();
        }
        DelegateExecution root = execution.getProcessInstance();
        while (root.getSuperExecution() != null) {
            root = root.getSuperExecution().getProcessInstance();
        }
        String reference = root.getProcessBusinessKey();
        if (reference == null) {
            return Optional.empty();
        }
        Map<String, Team> teams = teamsOfThisTransaction();
        Team known = teams.get(reference);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Team> team = readTeam(reference);
        team.ifPresent(found -> teams.put(reference, found));
        return team;
    }

    private Optional<Team> readTeam(String reference) {
        return engagements.byReference(reference).map(engagement -> {
            Map<String, AuthenticatedUser> members = new LinkedHashMap<>();
            engagements.team(engagement.id()).stream().map(TeamMember::username).distinct()
                    .forEach(username -> users.principal(username).ifPresent(user -> members.put(username, user)));
            return new Team(engagement, members);
        });
    }

    /**
     * One engine command raises many task and instance events for the same engagement; its team is read once
     * per transaction (a member added in it drops the copy). Outside a transaction nothing is kept.
     */
    @SuppressWarnings("unchecked")
    private Map<String, Team> teamsOfThisTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return new HashMap<>();
        }
        Map<String, Team> teams = (Map<String, Team>) TransactionSynchronizationManager.getResource(teamsKey);
        if (teams == null) {
            Map<String, Team> bound = new HashMap<>();
            TransactionSynchronizationManager.bindResource(teamsKey, bound);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(teamsKey);
                }
            });
            teams = bound;
        }
        return teams;
    }

    private void refuseOutsiders(DelegateTask task, Team team) {
        Stream.concat(Stream.of(task.getAssignee(), task.getOwner()), candidateUsers(task).stream())
                .filter(username -> username != null && !team.members().containsKey(username))
                .distinct()
                .filter(username -> users.principal(username)
                        .map(user -> !engagements.isVisible(team.engagement().id(), user)).orElse(true))
                .findFirst()
                .ifPresent(outsider -> {
                    throw new BadUserRequestException("'%s' may not see engagement %s, so the task '%s' cannot be "
                            .formatted(outsider, team.engagement().reference(), task.getName()) + "given to them.");
                });
    }

    /**
     * Read for every member; work (claim, complete) for members who hold one of its candidate groups. The
     * assignee, owner and candidate users already have the engine's own grant (read and update) and get none.
     */
    private void grantNewTask(DelegateTask task, Team team) {
        Set<String> engineGranted = new HashSet<>(candidateUsers(task));
        engineGranted.add(task.getAssignee());
        engineGranted.add(task.getOwner());
        Set<String> groups = new HashSet<>();
        task.getCandidates().stream().map(IdentityLink::getGroupId).filter(group -> group != null).forEach(groups::add);
        team.members().forEach((username, member) -> {
            if (!engineGranted.contains(username)) {
                create(username, Resources.TASK, task.getId(), worksOn(member, groups) ? READ_AND_WORK : READ);
            }
        });
    }

    private static boolean worksOn(AuthenticatedUser member, Set<String> candidateGroups) {
        return member.camundaGroups().stream().anyMatch(candidateGroups::contains);
    }

    private static List<String> candidateUsers(DelegateTask task) {
        return task.getCandidates().stream().map(IdentityLink::getUserId).filter(user -> user != null).toList();
    }

    /** Runtime and history of one process instance; history outlives the instance. */
    private void grantInstance(String username, String processInstanceId, boolean mayExist) {
        if (mayExist) {
            ensure(username, Resources.PROCESS_INSTANCE, processInstanceId, READ);
            ensure(username, Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId,
                    List.of(HistoricProcessInstancePermissions.READ));
        } else {
            create(username, Resources.PROCESS_INSTANCE, processInstanceId, READ);
            create(username, Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId,
                    List.of(HistoricProcessInstancePermissions.READ));
        }
    }

    /**
     * A grant for something that came into being in this engine command: nobody can have one yet, and a
     * query would not see grants that are not yet flushed, so there is nothing to look up.
     */
    private void create(String username, Resource resource, String resourceId, List<Permission> permissions) {
        Authorization authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setUserId(username);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        permissions.forEach(authorization::addPermission);
        authorizationService.saveAuthorization(authorization);
    }

    private void ensure(String username, Resource resource, String resourceId, List<Permission> permissions) {
        Authorization existing = authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
                .userIdIn(username).resourceType(resource).resourceId(resourceId).singleResult();
        if (existing == null) {
            create(username, resource, resourceId, permissions);
        } else if (!permissions.stream().allMatch(existing::isPermissionGranted)) {
            permissions.forEach(existing::addPermission);
            authorizationService.saveAuthorization(existing);
        }
    }

    /**
     * Grants are the engine's business, not the caller's: a task created while an auditor completes the
     * previous one in Tasklist must be granted even though that auditor may not grant anything themselves.
     * The caller's engine identity is put back afterwards, unchanged.
     */
    private void asEngine(Runnable work) {
        var caller = identityService.getCurrentAuthentication();
        if (caller == null) {
            work.run();
            return;
        }
        identityService.clearAuthentication();
        try {
            work.run();
        } finally {
            identityService.setAuthentication(caller);
        }
    }
}
