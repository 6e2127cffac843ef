package org.auditmanager.forms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.springframework.stereotype.Component;

/**
 * Server-side validation of a task form against its schema: required, min/max, length, pattern, e-mail and
 * phone, and choices limited to the schema's options. The browser may check the same; the server always does.
 */
@Component
public class FormBinder {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()/-]{6,30}$");
    /** checklist values travel as one variable, comma-separated */
    public static final String LIST_SEPARATOR = ",";
    private static final int DEFAULT_MAX_LENGTH = 10_000;

    public BoundForm bind(FormDefinition form, Map<String, List<String>> submitted) {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, String> raw = new LinkedHashMap<>();
        Map<String, FieldError> errors = new LinkedHashMap<>();
        for (FormComponent field : form.inputs()) {
            List<String> given = submitted.getOrDefault(field.key(), List.of()).stream()
                    .map(String::strip).filter(value -> !value.isEmpty()).toList();
            raw.put(field.key(), String.join(LIST_SEPARATOR, given));
            FieldError error = switch (field.type()) {
                case "checkbox" -> bindCheckbox(field, given, values);
                case "checklist" -> bindChecklist(field, given, values);
                case "number" -> bindNumber(field, given, values);
                case "datetime" -> bindDate(field, given, values);
                case "radio", "select" -> bindChoice(field, given, values);
                default -> bindText(field, given, values);
            };
            if (error != null) {
                errors.put(field.key(), error);
            }
        }
        return new BoundForm(values, raw, errors);
    }

    private static FieldError bindCheckbox(FormComponent field, List<String> given, Map<String, Object> values) {
        boolean checked = !given.isEmpty() && List.of("true", "on", "yes").contains(given.get(0).toLowerCase());
        values.put(field.key(), checked);
        return field.required() && !checked ? FieldError.of("form.error.mustBeChecked") : null;
    }

    private static FieldError bindChecklist(FormComponent field, List<String> given, Map<String, Object> values) {
        List<String> chosen = given.stream().flatMap(value -> List.of(value.split(LIST_SEPARATOR)).stream())
                .map(String::strip).filter(value -> !value.isEmpty()).distinct().toList();
        values.put(field.key(), String.join(LIST_SEPARATOR, chosen));
        if (chosen.stream().anyMatch(value -> !field.allows(value))) {
            return FieldError.of("form.error.unknownChoice");
        }
        return field.required() && chosen.isEmpty() ? FieldError.of("form.error.required") : null;
    }

    private static FieldError bindChoice(FormComponent field, List<String> given, Map<String, Object> values) {
        if (given.isEmpty()) {
            values.put(field.key(), null);
            return field.required() ? FieldError.of("form.error.required") : null;
        }
        values.put(field.key(), given.get(0));
        return field.allows(given.get(0)) ? null : FieldError.of("form.error.unknownChoice");
    }

    private static FieldError bindNumber(FormComponent field, List<String> given, Map<String, Object> values) {
        if (given.isEmpty()) {
            values.put(field.key(), null);
            return field.required() ? FieldError.of("form.error.required") : null;
        }
        BigDecimal number;
        try {
            number = new BigDecimal(given.get(0));
        } catch (NumberFormatException e) {
            return FieldError.of("form.error.notANumber");
        }
        values.put(field.key(), variableValue(number));
        FormComponent.Validation rules = field.validate();
        if (rules.min() != null && number.compareTo(BigDecimal.valueOf(rules.min())) < 0) {
            return FieldError.of("form.error.min", plain(rules.min()));
        }
        if (rules.max() != null && number.compareTo(BigDecimal.valueOf(rules.max())) > 0) {
            return FieldError.of("form.error.max", plain(rules.max()));
        }
        return null;
    }

    /** whole numbers as Long, like Tasklist submits them; anything else as Double */
    private static Object variableValue(BigDecimal number) {
        BigDecimal stripped = number.stripTrailingZeros();
        if (stripped.scale() <= 0 && stripped.precision() - stripped.scale() <= 18) {
            return stripped.longValueExact();
        }
        return number.doubleValue();
    }

    private static FieldError bindDate(FormComponent field, List<String> given, Map<String, Object> values) {
        if (given.isEmpty()) {
            values.put(field.key(), null);
            return field.required() ? FieldError.of("form.error.required") : null;
        }
        try {
            // Camunda Forms keeps a date as its ISO text
            values.put(field.key(), LocalDate.parse(given.get(0)).toString());
            return null;
        } catch (DateTimeParseException e) {
            return FieldError.of("form.error.notADate");
        }
    }

    private static FieldError bindText(FormComponent field, List<String> given, Map<String, Object> values) {
        String text = given.isEmpty() ? null : given.get(0);
        values.put(field.key(), text);
        FormComponent.Validation rules = field.validate();
        if (text == null) {
            return field.required() ? FieldError.of("form.error.required") : null;
        }
        int maxLength = rules.maxLength() != null ? rules.maxLength() : DEFAULT_MAX_LENGTH;
        if (text.length() > maxLength) {
            return FieldError.of("form.error.maxLength", maxLength);
        }
        if (rules.minLength() != null && text.length() < rules.minLength()) {
            return FieldError.of("form.error.minLength", rules.minLength());
        }
        if ("email".equals(rules.validationType()) && !EMAIL.matcher(text).matches()) {
            return FieldError.of("form.error.email");
        }
        if ("phone".equals(rules.validationType()) && !PHONE.matcher(text).matches()) {
            return FieldError.of("form.error.phone");
        }
        if (rules.pattern() != null && !matches(rules.pattern(), text)) {
            return FieldError.of("form.error.pattern");
        }
        return null;
    }

    /** form-js tests a pattern with RegExp.test, which finds it anywhere unless the pattern anchors itself */
    private static boolean matches(String pattern, String text) {
        try {
            return Pattern.compile(pattern).matcher(text).find();
        } catch (PatternSyntaxException e) {
            throw new IllegalStateException("form pattern is not a valid regular expression: " + pattern, e);
        }
    }

    private static String plain(double number) {
        return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
    }
}
