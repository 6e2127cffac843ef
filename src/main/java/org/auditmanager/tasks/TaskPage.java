package org.auditmanager.tasks;

import java.util.List;

/** One page of a task list and the number of tasks across all pages. */
public record TaskPage(List<TaskItem> items, long total, int page, int size) {

    public int pages() {
        return (int) ((total + size - 1) / size);
    }
}
