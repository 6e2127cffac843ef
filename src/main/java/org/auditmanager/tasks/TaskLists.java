package org.auditmanager.tasks;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

    static final int OVERDUE_SCAN = 1_000;

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
        return page(query(user, filter, false), page, size);
    }

    /**
     * Like {@link #list}, but for those who see every engagement (managers, admins) every open task the filter
     * finds, whoever it is offered to: the oversight of a work queue. Everyone else gets their own list.
     */
    public TaskPage oversee(AuthenticatedUser user, TaskFilter filter, int page, int size) {
        return page(query(user, filter, user.seesAllEngagements()), page, size);
    }

    private TaskPage page(TaskQuery query, int page, int size) {
        if (query == null) {
            return new TaskPage(List.of(), 0, page, size);
        }
        long total = query.count();
        List<Task> tasks = query.orderByDueDate().asc().orderByTaskCreateTime().asc().listPage(page * size, size);
        return new TaskPage(items(tasks), total, page, size);
    }

    /** How many open tasks the filter finds for the user: one count query. */
    public long count(AuthenticatedUser user, TaskFilter filter) {
        TaskQuery query = query(user, filter);
        return query == null ? 0 : query.count();
    }

    /**
     * One page of the list grouped by engagement: the page is the soonest-due tasks across engagements, and each
     * engagement on it keeps its soonest task's place. A group's total counts all its tasks that the filter finds,
     * on any page (one count per engagement shown, never per task).
     */
    public List<TaskGroup> grouped(AuthenticatedUser user, TaskFilter filter, TaskPage page) {
        Map<UUID, List<TaskItem>> byEngagement = new LinkedHashMap<>();
        page.items().forEach(item -> byEngagement.computeIfAbsent(item.engagementId(), id -> new ArrayList<>())
                .add(item));
        List<TaskGroup> groups = new ArrayList<>();
        byEngagement.forEach((engagementId, items) -> {
            TaskItem first = items.get(0);
            long total = byEngagement.size() == 1 && filter.engagementId() != null ? page.total()
                    : count(user, filter.withEngagement(engagementId));
            groups.add(new TaskGroup(engagementId, first.engagementReference(), first.engagementTitle(),
                    first.organisationName(), total, List.copyOf(items)));
        });
        return groups;
    }

    /**
     * How many tasks each quick filter would show, each applied on top of the rest of the current filter; the
     * work queues only for the audit firm's staff.
     */
    public FilterCounts counts(AuthenticatedUser user, TaskFilter filter) {
        Map<TaskQueue, Long> queues = new EnumMap<>(TaskQueue.class);
        if (!user.isClient()) {
            for (TaskQueue queue : TaskQueue.values()) {
                queues.put(queue, count(user, filter.withQueue(queue)));
            }
        }
        return new FilterCounts(count(user, filter.withAssignment("mine")),
                count(user, filter.withAssignment("unassigned")),
                count(user, filter.withOverdue(true)),
                count(user, filter.withOverdue(false).withDueWithinDays(FilterCounts.DUE_SOON_DAYS)),
                queues);
    }

    /**
     * How many overdue tasks each engagement has, read in one query of at most {@link #OVERDUE_SCAN} tasks, most
     * overdue first: enough to tell which engagements are behind. For the firm's staff every task of the
     * engagements they may see counts (a client late on its evidence puts the engagement at risk too); for a
     * client only its own.
     */
    public Map<UUID, Long> overdueByEngagement(AuthenticatedUser user, TaskFilter filter) {
        TaskQuery query = query(user, filter.withOverdue(true), !user.isClient());
        if (query == null) {
            return Map.of();
        }
        Map<UUID, Long> counts = new LinkedHashMap<>();
        items(query.orderByDueDate().asc().listPage(0, OVERDUE_SCAN))
                .forEach(item -> counts.merge(item.engagementId(), 1L, Long::sum));
        return counts;
    }

    /**
     * The open tasks of one engagement: all of them for staff who may see it; for a client only those offered
     * to its organisation or assigned to it, never the auditors' internal work.
     */
    public List<TaskItem> openTasksOf(Engagement engagement, AuthenticatedUser user) {
        TaskQuery query = taskService.createTaskQuery().active().processInstanceBusinessKey(engagement.reference());
        if (user.isClient()) {
            query.or().taskAssignee(user.getUsername()).taskCandidateUser(user.getUsername())
                    .taskCandidateGroupIn(user.camundaGroups()).endOr();
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

    /** Evidence reviews are offered to the engagement's auditors by name, other tasks to groups. */
    private static void offeredTo(TaskQuery query, AuthenticatedUser user, TaskFilter filter) {
        if (filter.onlyMine()) {
            query.taskAssignee(user.getUsername());
        } else if (filter.onlyUnassigned()) {
            query.taskUnassigned().or().taskCandidateUser(user.getUsername())
                    .taskCandidateGroupIn(user.camundaGroups()).endOr();
        } else {
            query.or().taskAssignee(user.getUsername()).taskCandidateUser(user.getUsername())
                    .taskCandidateGroupIn(user.camundaGroups()).endOr();
        }
    }

    /** null when the user can see no engagement at all, so there is nothing to ask the engine. */
    private TaskQuery query(AuthenticatedUser user, TaskFilter filter) {
        return query(user, filter, false);
    }

    private TaskQuery query(AuthenticatedUser user, TaskFilter filter, boolean everyonesTasks) {
        TaskQuery query = taskService.createTaskQuery().active();
        if (!everyonesTasks || filter.assignment() != null) {
            offeredTo(query, user, filter);
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
        if (filter.taskKey() != null) {
            query.taskDefinitionKey(filter.taskKey());
        }
        if (filter.queue() != null) {
            query.taskDefinitionKeyIn(filter.queue().taskKeys().toArray(String[]::new));
        }
        // overdue is the narrower of the two due limits: a task overdue is also due within any N days
        if (filter.isOverdueOnly()) {
            query.dueBefore(Date.from(clock.instant()));
        } else if (filter.dueWithinDays() != null) {
            query.dueBefore(Date.from(clock.instant().plus(Duration.ofDays(filter.dueWithinDays()))));
        }
        return query;
    }
}
