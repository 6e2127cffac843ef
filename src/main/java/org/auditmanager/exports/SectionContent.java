package org.auditmanager.exports;

import java.util.List;

/**
 * What one section of a report shows: a heading and a table. Facts are a table without a header row (label,
 * value); a row of one cell spans the whole table (a group heading).
 *
 * @param columns the header row; empty for facts
 * @param weights the relative column widths
 * @param whenEmpty the sentence shown instead of an empty table
 */
record SectionContent(String title, List<String> columns, List<Integer> weights, List<List<String>> rows,
                      String whenEmpty) {

    SectionContent {
        columns = List.copyOf(columns);
        weights = List.copyOf(weights);
        rows = rows.stream().map(List::copyOf).toList();
    }

    static SectionContent facts(String title, List<List<String>> labelsAndValues) {
        return new SectionContent(title, List.of(), List.of(1, 3), labelsAndValues, ExportText.NONE);
    }

    static SectionContent table(String title, List<String> columns, List<Integer> weights, List<List<String>> rows,
                                String whenEmpty) {
        return new SectionContent(title, columns, weights, rows, whenEmpty);
    }
}
