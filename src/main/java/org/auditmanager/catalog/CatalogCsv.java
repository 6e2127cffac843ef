package org.auditmanager.catalog;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the catalogue CSV files (RFC 4180: quoted fields may hold commas). A file that does not fit stops the
 * start-up with the file, the line and what is wrong, instead of loading half a catalogue.
 */
final class CatalogCsv {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).setTrim(true).get();

    /**
     * One line of a mapping file, still to be checked against the catalogues it links.
     *
     * @param relationship the row's own term, or null for the relationship the manifest gives the whole mapping
     */
    record MappingRow(String tscId, String isoId, ItemKind isoKind, String relationship, long line) {
    }

    /** catalog_mapping.relationship is varchar(20) */
    private static final int MAX_RELATIONSHIP = 20;

    private CatalogCsv() {
    }

    /** ISO clauses: id, title, parent (empty for 4 to 10). */
    static List<CatalogItem> clauses(String version, String file, byte[] content) {
        List<CatalogItem> items = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (CSVRecord row : rows(file, content, "id", "title", "parent")) {
            String id = required(file, row, "id");
            String parent = row.get("parent").isEmpty() ? null : row.get("parent");
            if (parent != null && !seen.contains(parent)) {
                throw problem(file, row, "clause " + id + " names parent " + parent + ", which is not listed above it");
            }
            seen.add(id);
            String top = id.contains(".") ? id.substring(0, id.indexOf('.')) : id;
            items.add(new CatalogItem(id, ItemKind.CLAUSE, required(file, row, "title"), top, parent, null, null, version));
        }
        return items;
    }

    /** Annex A controls: id, title, theme, new_in_2022 (true or false). */
    static List<CatalogItem> annexA(String version, String file, byte[] content) {
        List<CatalogItem> items = new ArrayList<>();
        for (CSVRecord row : rows(file, content, "id", "title", "theme", "new_in_2022")) {
            items.add(new CatalogItem(required(file, row, "id"), ItemKind.ANNEX_A_CONTROL, required(file, row, "title"),
                    required(file, row, "theme"), null, bool(file, row, "new_in_2022"), null, version));
        }
        return items;
    }

    /** TSC criteria: id, category, short_title, coso_principle (empty outside the common criteria). */
    static List<CatalogItem> criteria(String version, String file, byte[] content) {
        List<CatalogItem> items = new ArrayList<>();
        for (CSVRecord row : rows(file, content, "id", "category", "short_title", "coso_principle")) {
            String coso = row.get("coso_principle");
            items.add(new CatalogItem(required(file, row, "id"), ItemKind.TSC_CRITERION, required(file, row, "short_title"),
                    required(file, row, "category"), null, null, coso.isEmpty() ? null : coso, version));
        }
        return items;
    }

    /** Mapping links: tsc_id, iso_ref, iso_ref_kind (annex-a-control or clause). */
    static List<MappingRow> mapping(String file, byte[] content) {
        List<MappingRow> links = new ArrayList<>();
        for (CSVRecord row : rows(file, content, "tsc_id", "iso_ref", "iso_ref_kind")) {
            links.add(link(file, row, null));
        }
        return links;
    }

    /**
     * Links added to a mapping from other sources: the mapping's columns plus each row's own relationship term
     * and the source it comes from (kept in the file for the reader; the manifest's provenance sums them up).
     */
    static List<MappingRow> supplement(String file, byte[] content) {
        List<MappingRow> links = new ArrayList<>();
        for (CSVRecord row : rows(file, content, "tsc_id", "iso_ref", "iso_ref_kind", "relationship", "source")) {
            required(file, row, "source");
            String relationship = required(file, row, "relationship");
            if (relationship.length() > MAX_RELATIONSHIP) {
                throw problem(file, row, "relationship is longer than " + MAX_RELATIONSHIP + " characters");
            }
            links.add(link(file, row, relationship));
        }
        return links;
    }

    private static MappingRow link(String file, CSVRecord row, String relationship) {
        ItemKind kind = switch (required(file, row, "iso_ref_kind")) {
            case "annex-a-control" -> ItemKind.ANNEX_A_CONTROL;
            case "clause" -> ItemKind.CLAUSE;
            default -> throw problem(file, row, "iso_ref_kind is '" + row.get("iso_ref_kind")
                    + "'; expected annex-a-control or clause");
        };
        return new MappingRow(required(file, row, "tsc_id"), required(file, row, "iso_ref"), kind, relationship, line(row));
    }

    static IllegalStateException problem(String file, long line, String what) {
        return new IllegalStateException("catalog/%s line %d: %s.".formatted(file, line, what));
    }

    private static List<CSVRecord> rows(String file, byte[] content, String... columns) {
        try (CSVParser parser = CSVParser.parse(new StringReader(new String(content, StandardCharsets.UTF_8)), FORMAT)) {
            List<String> missing = new ArrayList<>(List.of(columns));
            missing.removeAll(parser.getHeaderNames());
            if (!missing.isEmpty()) {
                throw new IllegalStateException("catalog/%s: the header misses %s.".formatted(file, missing));
            }
            List<CSVRecord> records = parser.getRecords();
            for (CSVRecord row : records) {
                if (!row.isConsistent()) {
                    throw problem(file, row, "expected " + columns.length + " fields, found " + row.size());
                }
            }
            return records;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read catalog/" + file, e);
        } catch (UncheckedIOException e) {
            throw new IllegalStateException("catalog/%s is not valid CSV: %s".formatted(file, e.getMessage()), e);
        }
    }

    private static String required(String file, CSVRecord row, String column) {
        String value = row.get(column);
        if (value.isEmpty()) {
            throw problem(file, row, column + " is empty");
        }
        return value;
    }

    private static Boolean bool(String file, CSVRecord row, String column) {
        return switch (row.get(column)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw problem(file, row, column + " is '" + row.get(column) + "'; expected true or false");
        };
    }

    private static IllegalStateException problem(String file, CSVRecord row, String what) {
        return problem(file, line(row), what);
    }

    /** The header is line 1, so the first record is line 2 (no field of ours spans lines). */
    private static long line(CSVRecord row) {
        return row.getRecordNumber() + 1;
    }
}
