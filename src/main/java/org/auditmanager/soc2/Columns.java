package org.auditmanager.soc2;

import java.util.LinkedHashMap;
import java.util.Map;

/** Column values for an update, nulls allowed (a form field left empty clears its column). */
final class Columns {

    private Columns() {
    }

    static Map<String, Object> of(Object... namesAndValues) {
        Map<String, Object> columns = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            columns.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return columns;
    }
}
