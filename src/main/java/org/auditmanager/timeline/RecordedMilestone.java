package org.auditmanager.timeline;

import java.time.LocalDate;
import java.util.UUID;
import org.springframework.lang.Nullable;

/** One row of {@code engagement_milestone}: a key date of an engagement as its process recorded it. */
public record RecordedMilestone(UUID engagementId, String key, String label, @Nullable LocalDate plannedDate,
                                @Nullable LocalDate dueDate, @Nullable LocalDate actualDate) {
}
