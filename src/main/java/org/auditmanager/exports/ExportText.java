package org.auditmanager.exports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.MessageSource;

/** The words and date formats of one export: messages in the reader's language, times in the server's zone. */
final class ExportText {

    static final String NONE = "–";

    private final MessageSource messages;
    private final Locale locale;
    private final ZoneId zone;
    private final DateTimeFormatter timeFormat;

    ExportText(MessageSource messages, Locale locale, ZoneId zone) {
        this.messages = messages;
        this.locale = locale;
        this.zone = zone;
        this.timeFormat = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
    }

    String get(String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    /** The label of a code (a status, a role); the code itself when no label exists yet. */
    String label(String prefix, Object code) {
        String text = String.valueOf(code);
        return messages.getMessage(prefix + text, null, text, locale);
    }

    String time(Instant instant) {
        return instant == null ? NONE : timeFormat.format(instant);
    }

    String date(LocalDate date) {
        return date == null ? NONE : date.toString();
    }

    Locale locale() {
        return locale;
    }

    String zone() {
        return zone.getId();
    }

    static String orNone(String value) {
        return value == null || value.isBlank() ? NONE : value;
    }
}
