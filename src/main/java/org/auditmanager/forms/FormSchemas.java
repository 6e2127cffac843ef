package org.auditmanager.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Reads Camunda Forms JSON. Refuses a component type we cannot render, so that no form silently loses a
 * field: the test over every file in forms/ catches it before a person does. One custom type:
 * {@code evidenceUpload} (no key, so no value) puts an upload control for the task's evidence request into the
 * task form.
 */
@Component
public class FormSchemas {

    static final Set<String> SUPPORTED_TYPES = Set.of("text", "textfield", "textarea", "number", "checkbox",
            "checklist", "radio", "select", "datetime", "evidenceUpload");
    /** layout-only components that carry nothing to render or submit */
    private static final Set<String> IGNORED_TYPES = Set.of("button", "spacer", "separator");

    private final ObjectMapper objectMapper;

    public FormSchemas(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    public FormDefinition parse(InputStream json) {
        try {
            return parse(objectMapper.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException("not a Camunda Forms JSON document", e);
        }
    }

    public FormDefinition parse(String json) {
        try {
            return parse(objectMapper.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException("not a Camunda Forms JSON document", e);
        }
    }

    private FormDefinition parse(JsonNode root) {
        List<FormComponent> components = new ArrayList<>();
        for (JsonNode node : root.path("components")) {
            String type = node.path("type").asText();
            if (IGNORED_TYPES.contains(type)) {
                continue;
            }
            if (!SUPPORTED_TYPES.contains(type)) {
                throw new IllegalArgumentException("form " + root.path("id").asText()
                        + " uses the component type '" + type + "', which the task form renderer does not support");
            }
            components.add(component(node, type));
        }
        return new FormDefinition(root.path("id").asText(), List.copyOf(components));
    }

    private static FormComponent component(JsonNode node, String type) {
        List<FormComponent.Option> options = new ArrayList<>();
        for (JsonNode value : node.path("values")) {
            options.add(new FormComponent.Option(value.path("label").asText(), value.path("value").asText()));
        }
        return new FormComponent(node.path("id").asText(), type, text(node, "key"), text(node, "label"),
                text(node, "description"), text(node, "text"), text(node, "subtype"), List.copyOf(options),
                validation(node.path("validate")), node.path("readonly").asBoolean(false));
    }

    private static FormComponent.Validation validation(JsonNode validate) {
        if (validate.isMissingNode()) {
            return FormComponent.Validation.NONE;
        }
        return new FormComponent.Validation(validate.path("required").asBoolean(false),
                number(validate, "min"), number(validate, "max"),
                integer(validate, "minLength"), integer(validate, "maxLength"),
                text(validate, "pattern"), text(validate, "validationType"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isEmpty() ? null : value.asText();
    }

    private static Double number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isNumber() ? null : value.asDouble();
    }

    private static Integer integer(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.canConvertToInt() ? null : value.asInt();
    }
}
