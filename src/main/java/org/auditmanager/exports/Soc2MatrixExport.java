package org.auditmanager.exports;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.auditmanager.catalog.Catalog;
import org.auditmanager.catalog.CatalogItem;
import org.auditmanager.common.ConflictException;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.engagement.Engagements;
import org.auditmanager.engagement.Framework;
import org.auditmanager.security.AuthenticatedUser;
import org.auditmanager.soc2.Soc2Control;
import org.auditmanager.soc2.Soc2Examination;
import org.auditmanager.soc2.Soc2Examinations;
import org.auditmanager.soc2.Soc2Sample;
import org.springframework.stereotype.Service;

/**
 * The control test matrix of a SOC 2 examination: one row per criterion and control that addresses it, with the
 * design and operating-effectiveness results, the occurrences tested and the exceptions found. Criteria in scope
 * are in the order of the Trust Services Criteria; a criterion in scope that no control addresses gets a row of
 * its own with the control columns empty, so that the gap shows.
 */
@Service
class Soc2MatrixExport {

    static final List<String> CSV_HEADER = List.of("criterion", "criterion_title", "control", "control_description",
            "frequency", "design_result", "test_result", "samples", "exceptions", "sample_items", "test_notes",
            "management_response");

    private final Engagements engagements;
    private final Soc2Examinations examinations;
    private final Catalog catalog;

    Soc2MatrixExport(Engagements engagements, Soc2Examinations examinations, Catalog catalog) {
        this.engagements = engagements;
        this.examinations = examinations;
        this.catalog = catalog;
    }

    /** 404 for an engagement the reader may not see; 409 for an engagement that is not a SOC 2 examination. */
    Export csv(UUID engagementId, AuthenticatedUser reader) {
        Engagement engagement = engagements.get(engagementId, reader);
        if (engagement.framework() != Framework.SOC2) {
            throw new ConflictException("%s is not a SOC 2 examination; only those have a control test matrix."
                    .formatted(engagement.reference()));
        }
        Soc2Examination examination = examinations.get(engagementId, reader);
        List<CatalogItem> allCriteria = catalog.criteria();
        Map<String, String> titles = allCriteria.stream()
                .collect(Collectors.toMap(CatalogItem::id, CatalogItem::title, (first, second) -> first));
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder()
                .setHeader(CSV_HEADER.toArray(String[]::new)).get())) {
            for (Map.Entry<String, List<Soc2Control>> criterion : controlsByCriterion(examination, allCriteria).entrySet()) {
                String title = titles.getOrDefault(criterion.getKey(), "");
                if (criterion.getValue().isEmpty()) {
                    printer.printRecord(criterion.getKey(), title, "", "", "", "", "", "", "", "", "", "");
                }
                for (Soc2Control control : criterion.getValue()) {
                    printer.printRecord(criterion.getKey(), title, SoaExport.inert(control.reference()),
                            SoaExport.inert(control.description()), control.frequency().name(),
                            Objects.toString(control.designResult(), ""), Objects.toString(control.testResult(), ""),
                            Objects.toString(samples(control), ""), Objects.toString(control.deviations(), ""),
                            control.samples().stream().map(Soc2Sample::label).collect(Collectors.joining("; ")),
                            SoaExport.inert(Objects.toString(control.testNotes(), "")),
                            SoaExport.inert(Objects.toString(control.managementResponse(), "")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Export(engagement.reference() + "-soc2-control-matrix.csv", Export.CSV,
                out.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Occurrences tested: the recorded sample size, else the samples drawn; null before sampling. */
    private static Integer samples(Soc2Control control) {
        if (control.sampleSize() != null) {
            return control.sampleSize();
        }
        return control.samples().isEmpty() ? null : control.samples().size();
    }

    /**
     * Criteria in scope in catalogue order, then any other criterion a control names; each with its controls in
     * the matrix's order.
     */
    private Map<String, List<Soc2Control>> controlsByCriterion(Soc2Examination examination,
                                                               List<CatalogItem> allCriteria) {
        Set<String> criteria = new LinkedHashSet<>();
        catalog.criteria(examination.tscCategories()).forEach(criterion -> criteria.add(criterion.id()));
        Set<String> named = examination.controls().stream().flatMap(control -> control.criteria().stream())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        allCriteria.stream().map(CatalogItem::id).filter(named::contains).forEach(criteria::add);
        criteria.addAll(named);
        Map<String, List<Soc2Control>> byCriterion = new LinkedHashMap<>();
        criteria.forEach(criterion -> byCriterion.put(criterion, new ArrayList<>()));
        examination.controls().forEach(control ->
                control.criteria().forEach(criterion -> byCriterion.get(criterion).add(control)));
        return byCriterion;
    }
}
