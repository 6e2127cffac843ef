package org.auditmanager.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.util.stream.Collectors;
import org.springframework.http.converter.HttpMessageNotReadableException;

/** Turns a JSON body that cannot be read into a sentence naming the field and what was expected. */
final class UnreadableBody {

    private UnreadableBody() {
    }

    static String explain(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof InvalidFormatException format) {
            return "'%s' is not a valid %s for field %s.".formatted(format.getValue(),
                    format.getTargetType().getSimpleName(), path(format));
        }
        if (cause instanceof JsonParseException) {
            return "The request body is not well-formed JSON.";
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return "Field %s has the wrong type or shape.".formatted(path(mapping));
        }
        return "The request body is missing or is not the JSON this endpoint expects.";
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining("."));
    }
}
