package org.auditmanager.tasks;

import java.util.List;
import java.util.UUID;

/**
 * The tasks of one engagement on a page of the task list, with how many of its tasks the filter finds in all
 * (some may be on other pages).
 */
public record TaskGroup(UUID engagementId, String engagementReference, String engagementTitle,
                        String organisationName, long total, List<TaskItem> items) {
}
