package org.auditmanager.tasks;

import java.util.Map;

/**
 * How many open tasks each quick filter of the task list would show, given the rest of the current filter.
 * {@code queues} is empty for clients: the work queues are the audit firm's.
 */
public record FilterCounts(long mine, long unassigned, long overdue, long dueSoon, Map<TaskQueue, Long> queues) {

    /** "Due soon" as the lists mark it: within the 3 days of {@link TaskItem#DUE_SOON}. */
    public static final int DUE_SOON_DAYS = (int) TaskItem.DUE_SOON.toDays();
}
