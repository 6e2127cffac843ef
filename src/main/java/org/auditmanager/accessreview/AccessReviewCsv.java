package org.auditmanager.accessreview;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The access review as CSV (RFC 4180), one row per account, lists joined with "; ". */
final class AccessReviewCsv {

    static final String[] HEADER = {"username", "display_name", "roles", "status", "status_date", "external",
            "access_from", "access_until", "organisations", "engagements", "last_login"};
    static final String LIST_SEPARATOR = "; ";

    private AccessReviewCsv() {
    }

    static void write(List<AccessReviewEntry> entries, Writer out) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(HEADER).get();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            for (AccessReviewEntry entry : entries) {
                printer.printRecord(cell(entry.username()), cell(entry.displayName()),
                        String.join(LIST_SEPARATOR, entry.roles().stream().map(Enum::name).toList()),
                        entry.state().status().name(), text(entry.state().date()), Boolean.toString(entry.external()),
                        text(entry.accessFrom()), text(entry.accessUntil()),
                        cell(String.join(LIST_SEPARATOR, entry.organisations())),
                        String.join(LIST_SEPARATOR, entry.engagements()), text(entry.lastLogin()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Text a person typed (names): a spreadsheet must not run it as a formula, so such text gets a leading '. */
    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    private static String text(LocalDate date) {
        return date == null ? "" : date.toString();
    }

    private static String text(Instant instant) {
        return instant == null ? "" : instant.toString();
    }
}
