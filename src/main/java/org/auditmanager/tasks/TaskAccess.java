package org.auditmanager.tasks;

import java.util.List;
import java.util.Optional;
import org.auditmanager.common.ConflictException;
import org.auditmanager.common.ForbiddenException;
import org.auditmanager.common.NotFoundException;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.engagement.Engagements;
import org.auditmanager.security.AuthenticatedUser;
import org.auditmanager.security.UserAccount;
import org.auditmanager.security.UserAccounts;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Who may see and who may work on a task. Seeing needs the task's engagement to be visible (a client: only
 * tasks offered to its organisation or to itself); working needs the task to be assigned to the caller or
 * offered to one of their groups. A task that is gone answers 409 with who completed it, if the caller could
 * see it; otherwise 404 like anything unknown.
 */
@Component
class TaskAccess {

    private final TaskService taskService;
    private final HistoryService historyService;
    private final TaskEngagements taskEngagements;
    private final Engagements engagements;
    private final UserAccounts users;

    TaskAccess(TaskService taskService, HistoryService historyService, TaskEngagements taskEngagements,
               Engagements engagements, UserAccounts users) {
        this.taskService = taskService;
        this.historyService = historyService;
        this.taskEngagements = taskEngagements;
        this.engagements = engagements;
        this.users = users;
    }

    AccessibleTask find(String taskId, AuthenticatedUser user) {
        Task task = taskService.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
        if (task == null) {
            throw completedOrUnknown(taskId, user);
        }
        Engagement owner = taskEngagements.of(List.of(task)).get(task.getProcessInstanceId());
        if (owner == null || !engagements.isVisible(owner.id(), user)) {
            throw new NotFoundException("Task");
        }
        boolean workable = isAssigneeOrCandidate(task, user);
        if (user.isClient() && !workable) {
            throw new NotFoundException("Task");
        }
        return new AccessibleTask(task, owner, workable);
    }

    AccessibleTask findWorkable(String taskId, AuthenticatedUser user) {
        AccessibleTask found = find(taskId, user);
        // who may work on it first: its state is no business of anyone else's
        if (!found.workable()) {
            throw new ForbiddenException("This task is not offered to you or to any of your groups.");
        }
        String assignee = found.task().getAssignee();
        if (assignee != null && !assignee.equals(user.getUsername())) {
            throw new ConflictException("This task is already claimed by " + nameOf(assignee) + ".");
        }
        return found;
    }

    String nameOf(String username) {
        return users.find(username).map(UserAccount::displayName).orElse(username);
    }

    private boolean isAssigneeOrCandidate(Task task, AuthenticatedUser user) {
        if (user.getUsername().equals(task.getAssignee())) {
            return true;
        }
        for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
            if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
                continue;
            }
            if (user.getUsername().equals(link.getUserId())
                    || (link.getGroupId() != null && user.camundaGroups().contains(link.getGroupId()))) {
                return true;
            }
        }
        return false;
    }

    /** A finished task of an engagement the caller may see. */
    Optional<ClosedTask> findClosed(String taskId, AuthenticatedUser user) {
        HistoricTaskInstance done = historyService.createHistoricTaskInstanceQuery().taskId(taskId).finished()
                .singleResult();
        if (done == null || done.getProcessInstanceId() == null) {
            return Optional.empty();
        }
        HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(done.getProcessInstanceId()).singleResult();
        return Optional.ofNullable(instance.getBusinessKey())
                .flatMap(engagements::byReference)
                .filter(engagement -> engagements.isVisible(engagement.id(), user))
                .map(engagement -> new ClosedTask(done, engagement));
    }

    /** The conflict to report after losing a race for the task: claimed by someone, or completed by someone. */
    ConflictException conflictAfterRace(String taskId, AuthenticatedUser user) {
        Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
        if (task != null && task.getAssignee() != null && !task.getAssignee().equals(user.getUsername())) {
            return new ConflictException("This task is already claimed by " + nameOf(task.getAssignee()) + ".");
        }
        RuntimeException gone = completedOrUnknown(taskId, user);
        return gone instanceof ConflictException conflict ? conflict
                : new ConflictException("Someone else changed this task at the same moment; load it again.");
    }

    private RuntimeException completedOrUnknown(String taskId, AuthenticatedUser user) {
        return findClosed(taskId, user).<RuntimeException>map(closed -> {
            String by = closed.task().getAssignee() == null ? "someone else" : nameOf(closed.task().getAssignee());
            return new ConflictException("This task was already completed by " + by + ".");
        }).orElseGet(() -> new NotFoundException("Task"));
    }
}
