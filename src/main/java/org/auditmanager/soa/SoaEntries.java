package org.auditmanager.soa;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.auditmanager.common.InvalidInputException;

/**
 * Checks the decisions a caller sends for a draft and tidies them. Errors are keyed by the entry's index and
 * field, as in the request body: {@code [3].justification}.
 */
final class SoaEntries {

    static final int MAX_JUSTIFICATION = 2000;

    private SoaEntries() {
    }

    /** The entries ready to store: justifications stripped, no implementation status on an exclusion. */
    static List<SoaEntry> checked(List<SoaEntry> entries, Set<String> annexA, String catalogVersion) {
        if (entries == null) {
            throw new InvalidInputException("Send the decisions as a list of {controlId, applicable, justification, "
                    + "implementationStatus}.");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        List<SoaEntry> tidy = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            SoaEntry entry = entries.get(i);
            if (entry == null) {
                errors.put(key(i, "controlId"), "This entry is empty.");
                continue;
            }
            String id = entry.controlId() == null ? "" : entry.controlId().strip();
            String justification = entry.justification() == null || entry.justification().isBlank() ? null
                    : entry.justification().strip();
            if (!annexA.contains(id)) {
                errors.put(key(i, "controlId"), "'%s' is not an Annex A control of %s.".formatted(id, catalogVersion));
            } else if (!seen.add(id)) {
                errors.put(key(i, "controlId"), id + " is listed more than once.");
            }
            if (entry.applicable() == null) {
                errors.put(key(i, "applicable"), "Say whether %s applies or is excluded.".formatted(id));
            } else if (!entry.applicable() && justification == null) {
                errors.put(key(i, "justification"),
                        "Give the reason for excluding %s (ISO/IEC 27001:2022, 6.1.3 d).".formatted(id));
            } else if (entry.applicable() && entry.implementationStatus() == null) {
                errors.put(key(i, "implementationStatus"), "Say how far %s is implemented.".formatted(id));
            }
            if (justification != null && justification.length() > MAX_JUSTIFICATION) {
                errors.put(key(i, "justification"), "Keep the justification to %d characters.".formatted(MAX_JUSTIFICATION));
            }
            tidy.add(new SoaEntry(id, entry.applicable(), justification,
                    Boolean.TRUE.equals(entry.applicable()) ? entry.implementationStatus() : null));
        }
        if (!errors.isEmpty()) {
            Map.Entry<String, String> first = errors.entrySet().iterator().next();
            String more = errors.size() > 1 ? " (and %d more)".formatted(errors.size() - 1) : "";
            throw new InvalidInputException(first.getKey() + ": " + first.getValue() + more, errors);
        }
        return tidy;
    }

    static String key(int index, String field) {
        return "[" + index + "]." + field;
    }

    /** The index and field of an error key made by {@link #key}. */
    static Optional<Map.Entry<Integer, String>> parse(String key) {
        int close = key.indexOf("].");
        if (!key.startsWith("[") || close < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(Map.entry(Integer.parseInt(key.substring(1, close)), key.substring(close + 2)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
