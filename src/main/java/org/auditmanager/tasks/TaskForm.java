package org.auditmanager.tasks;

import java.util.Map;
import org.auditmanager.forms.FormDefinition;

/** A task with its form: the parsed schema, the raw .form JSON (for Tasklist-compatible clients) and current values. */
public record TaskForm(TaskItem task, boolean workable, FormDefinition form, String schemaJson,
                       Map<String, Object> values) {
}
