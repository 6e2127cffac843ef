package org.auditmanager.tasks;

import org.auditmanager.common.PageRequest;
import org.auditmanager.engagement.Engagements;
import org.auditmanager.security.AuthenticatedUser;
import org.springframework.stereotype.Service;

/**
 * The task-list pages of the compliance manager and of the audit firm's staff: a page of the caller's open
 * tasks grouped by engagement, with the counts of the quick filters. The tasks of the page are one query (and
 * two to find their engagements); each count and each engagement group's total is one count query.
 */
@Service
public class TaskWorkspaces {

    private final TaskLists lists;
    private final TaskActions actions;
    private final TaskTypes taskTypes;
    private final Engagements engagements;

    TaskWorkspaces(TaskLists lists, TaskActions actions, TaskTypes taskTypes, Engagements engagements) {
        this.lists = lists;
        this.actions = actions;
        this.taskTypes = taskTypes;
        this.engagements = engagements;
    }

    public TaskWorkspace of(String path, AuthenticatedUser user, TaskFilter filter, int page, int size) {
        TaskPage tasks = lists.list(user, filter, page, size);
        return new TaskWorkspace(path, filter, tasks, lists.grouped(user, filter, tasks), lists.counts(user, filter),
                engagements.visibleTo(user, 0, PageRequest.MAX_SIZE), taskTypes.offeredTo(user),
                actions.colleaguesOf(user));
    }
}
