package org.auditmanager.tasks;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.engagement.Engagements;
import org.auditmanager.security.AuthenticatedUser;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Service;

/**
 * The caller's task list: tasks assigned to them and unassigned tasks of their groups (a client's group is its
 * organisation), limited to the engagements they may see, soonest due first.
 */
@Service
public class TaskLists {

    private final TaskService taskService;
    private final Engagements engagements;
    private final TaskEngagements taskEngagements;
    private final Clock clock;

    TaskLists(TaskService taskService, Engagements engagements, TaskEngagements taskEngagements, Clock clock) {
        this.taskService = taskService;
        this.engagements = engagements;
        this.taskEngagements = taskEngagements;
        this.clock = clock;
    }

    public TaskPage list(AuthenticatedUser user, TaskFilter filter, int page, int size) {
        TaskQuery query = query(user, filter);
        if (query == null) {
            return new TaskPage(List.of(), 0, page, size);
        }
        long total = query.count();
        List<Task> tasks = query.orderByDueDate().asc().orderByTaskCreateTime().asc().listPage(page * size, size);
        return new TaskPage(items(tasks), total, page, size);
    }

    /**
     * The open tasks of one engagement: all of them for staff who may see it; for a client only those offered
     * to its organisation or assigned to it, never the auditors' internal work.
     */
    public List<TaskItem> openTasksOf(Engagement engagement, AuthenticatedUser user) {
        TaskQuery query = taskService.createTaskQuery().active().processInstanceBusinessKey(engagement.reference());
        if (user.isClient()) {
            query.or().taskAssignee(user.getUsername()).taskCandidateGroupIn(user.camundaGroups()).endOr();
        }
        return query.orderByDueDate().asc().orderByTaskCreateTime().asc().list().stream()
                .map(task -> item(task, engagement)).toList();
    }

    List<TaskItem> items(List<Task> tasks) {
        Map<String, Engagement> engagementByInstance = taskEngagements.of(tasks);
        return tasks.stream()
                .filter(task -> engagementByInstance.containsKey(task.getProcessInstanceId()))
                .map(task -> item(task, engagementByInstance.get(task.getProcessInstanceId())))
                .toList();
    }

    static TaskItem item(Task task, Engagement engagement) {
        return new TaskItem(task.getId(), task.getName(), task.getTaskDefinitionKey(), engagement.id(),
                engagement.reference(), engagement.title(), engagement.organisationName(), task.getAssignee(),
                task.getDueDate() == null ? null : task.getDueDate().toInstant(),
                task.getCreateTime() == null ? null : task.getCreateTime().toInstant());
    }

    /** null when the user can see no engagement at all, so there is nothing to ask the engine. */
    private TaskQuery query(AuthenticatedUser user, TaskFilter filter) {
        TaskQuery query = taskService.createTaskQuery().active();
        if (filter.onlyMine()) {
            query.taskAssignee(user.getUsername());
        } else if (filter.onlyUnassigned()) {
            query.taskUnassigned().taskCandidateGroupIn(user.camundaGroups());
        } else {
            query.or().taskAssignee(user.getUsername()).taskCandidateGroupIn(user.camundaGroups()).endOr();
        }
        if (!user.seesAllEngagements()) {
            List<String> references = engagements.visibleReferences(user);
            if (references.isEmpty()) {
                return null;
            }
            query.processInstanceBusinessKeyIn(references.toArray(String[]::new));
        }
        if (filter.engagementId() != null) {
            if (!engagements.isVisible(filter.engagementId(), user)) {
                return null;
            }
            query.processInstanceBusinessKey(engagements.get(filter.engagementId(), user).reference());
        }
        if (filter.taskKey() != null && !filter.taskKey().isBlank()) {
            query.taskDefinitionKey(filter.taskKey());
        }
        if (Boolean.TRUE.equals(filter.overdue())) {
            query.dueBefore(Date.from(clock.instant()));
        }
        if (filter.dueWithinDays() != null) {
            query.dueBefore(Date.from(clock.instant().plus(Duration.ofDays(filter.dueWithinDays()))));
        }
        return query;
    }
}
