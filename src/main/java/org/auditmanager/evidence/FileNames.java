package org.auditmanager.evidence;

import java.text.Normalizer;

/**
 * Makes an uploaded file's name safe to show and to offer as a download name. Stored bytes are addressed by
 * their hash, never by this name, so a name cannot reach the file system; this only keeps path parts, control
 * and direction-override characters and characters reserved on common file systems out of what people see.
 */
final class FileNames {

    static final String FALLBACK = "evidence";
    private static final int MAX_LENGTH = 200;
    private static final String RESERVED = "<>:\"|?*";

    private FileNames() {
    }

    static String sanitise(String submitted) {
        if (submitted == null) {
            return FALLBACK;
        }
        String name = Normalizer.normalize(submitted, Normalizer.Form.NFC);
        // browsers on Windows send full paths; an attacker sends ../ ; only the last segment is a name
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder kept = new StringBuilder(name.length());
        name.codePoints()
                .filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT
                        && RESERVED.indexOf(c) < 0)
                .forEach(kept::appendCodePoint);
        // leading dots would hide the file or spell "..", trailing dots and spaces vanish on Windows
        name = kept.toString().strip().replaceAll("^[.\\s]+", "").replaceAll("[.\\s]+$", "");
        return name.isEmpty() ? FALLBACK : shorten(name);
    }

    /** Keeps the extension when a name must be cut. */
    private static String shorten(String name) {
        if (name.length() <= MAX_LENGTH) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
        return name.substring(0, MAX_LENGTH - extension.length()).strip() + extension;
    }
}
