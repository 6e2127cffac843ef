package org.auditmanager.tasks;

/**
 * A part of a task page that a {@link TaskFormExtension} adds: the Thymeleaf template holding a fragment
 * {@code section(model)}, and the model that fragment renders.
 */
public record TaskFormSection(String template, Object model) {
}
