package org.auditmanager.tasks;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.auditmanager.security.AuthenticatedUser;

/**
 * A feature's addition to some tasks' forms (a sign-off's summary and its record, say): a section the task page
 * shows inside the form, above the fields, and a step in the completing transaction. Implementations are Spring
 * beans; the form itself stays the task's .form file.
 */
public interface TaskFormExtension {

    /** What to show for this task, or empty when the extension has nothing to do with it. */
    Optional<TaskFormSection> section(TaskItem task, AuthenticatedUser user);

    /**
     * Called in the completing transaction after the form validated, before the engine completes the task;
     * whatever it writes commits or rolls back with the completion.
     *
     * @param values    the form's values, typed as the engine receives them
     * @param submitted everything that was posted, including what the section added to the form
     * @throws org.auditmanager.common.InvalidInputException with field errors to refuse; nothing is kept
     */
    void completing(TaskItem task, Map<String, Object> values, Map<String, List<String>> submitted,
                    AuthenticatedUser user);
}
