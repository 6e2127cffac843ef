package org.auditmanager.forms;

import java.util.List;
import java.util.Optional;

/** A Camunda Forms schema ({@code forms/*.form}), as far as we render and validate it. */
public record FormDefinition(String id, List<FormComponent> components) {

    /** The components that take a value, in the order they appear. */
    public List<FormComponent> inputs() {
        return components.stream().filter(FormComponent::isInput).toList();
    }

    public Optional<FormComponent> input(String key) {
        return inputs().stream().filter(component -> component.key().equals(key)).findFirst();
    }
}
