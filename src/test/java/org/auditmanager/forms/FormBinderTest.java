package org.auditmanager.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Server-side validation and typing of form values, independent of any task. */
class FormBinderTest {

    private final FormSchemas schemas = new FormSchemas(new ObjectMapper());
    private final FormBinder binder = new FormBinder();

    private final FormDefinition form = schemas.parse("""
            {"id": "sample", "components": [
              {"type": "textfield", "key": "name", "label": "Name", "validate": {"required": true, "minLength": 2, "maxLength": 5}},
              {"type": "textfield", "key": "code", "label": "Code", "validate": {"pattern": "^[A-Z]{3}$"}},
              {"type": "number", "key": "days", "label": "Days", "validate": {"min": 0.5, "max": 10}},
              {"type": "checkbox", "key": "agreed", "label": "Agreed", "validate": {"required": true}},
              {"type": "checklist", "key": "modes", "label": "Modes", "values": [{"label": "A", "value": "a"}, {"label": "B", "value": "b"}]},
              {"type": "select", "key": "lang", "label": "Language", "values": [{"label": "English", "value": "en"}]},
              {"type": "datetime", "subtype": "date", "key": "on", "label": "On"},
              {"type": "button", "action": "submit", "label": "Submit"}
            ]}""");

    @Test
    void typesValuesLikeCamundaForms() {
        BoundForm bound = binder.bind(form, Map.of("name", List.of(" Ann "), "code", List.of("ABC"), "days", List.of("2"),
                "agreed", List.of("true"), "modes", List.of("a", "b"), "lang", List.of("en"), "on", List.of("2026-02-28")));
        assertThat(bound.isValid()).isTrue();
        assertThat(bound.values()).containsEntry("name", "Ann").containsEntry("days", 2L).containsEntry("agreed", true)
                .containsEntry("modes", "a,b").containsEntry("lang", "en").containsEntry("on", "2026-02-28");
        assertThat(binder.bind(form, Map.of("days", List.of("2.5"))).values()).containsEntry("days", 2.5);
    }

    @Test
    void enforcesEveryRuleOfTheSchema() {
        BoundForm bound = binder.bind(form, Map.of("name", List.of("A"), "code", List.of("abcd"), "days", List.of("11"),
                "modes", List.of("c"), "lang", List.of("fr"), "on", List.of("28/02/2026")));
        assertThat(bound.errors()).containsOnlyKeys("name", "code", "days", "agreed", "modes", "lang", "on");
        assertThat(bound.errors().get("name").code()).isEqualTo("form.error.minLength");
        assertThat(bound.errors().get("code").code()).isEqualTo("form.error.pattern");
        assertThat(bound.errors().get("days").code()).isEqualTo("form.error.max");
        assertThat(bound.errors().get("agreed").code()).isEqualTo("form.error.mustBeChecked");
        assertThat(bound.errors().get("modes").code()).isEqualTo("form.error.unknownChoice");
        assertThat(bound.errors().get("on").code()).isEqualTo("form.error.notADate");
        assertThat(bound.rawValues()).containsEntry("code", "abcd");
    }

    @Test
    void refusesANumberThatIsNotOneAndTextLongerThanAllowed() {
        BoundForm bound = binder.bind(form, Map.of("name", List.of("Annabel"), "days", List.of("1e400x")));
        assertThat(bound.errors().get("name").code()).isEqualTo("form.error.maxLength");
        assertThat(bound.errors().get("days").code()).isEqualTo("form.error.notANumber");
    }

    @Test
    void refusesAComponentTypeItCannotRender() {
        assertThatThrownBy(() -> schemas.parse("""
                {"id": "x", "components": [{"type": "dynamiclist", "key": "k"}]}"""))
                .hasMessageContaining("dynamiclist");
    }
}
