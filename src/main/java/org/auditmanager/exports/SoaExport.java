package org.auditmanager.exports;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.auditmanager.catalog.Catalog;
import org.auditmanager.catalog.CatalogItem;
import org.auditmanager.common.ConflictException;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.engagement.Engagements;
import org.auditmanager.security.AuthenticatedUser;
import org.auditmanager.soa.SoaEntry;
import org.auditmanager.soa.SoaVersion;
import org.auditmanager.soa.StatementOfApplicability;
import org.auditmanager.soa.StatementsOfApplicability;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The latest version of an engagement's Statement of Applicability, whatever its state (the state is part of
 * the file), with every Annex A control of its catalogue version in Annex A order, decided or not.
 */
@Service
class SoaExport {

    static final List<String> CSV_HEADER = List.of("control_id", "title", "theme", "applicable", "justification",
            "implementation_status", "soa_version", "soa_status");

    private final StatementsOfApplicability statements;
    private final Engagements engagements;
    private final Catalog catalog;
    private final MessageSource messages;
    private final Clock clock;

    SoaExport(StatementsOfApplicability statements, Engagements engagements, Catalog catalog, MessageSource messages,
              Clock clock) {
        this.statements = statements;
        this.engagements = engagements;
        this.catalog = catalog;
        this.messages = messages;
        this.clock = clock;
    }

    private record Decision(CatalogItem control, SoaEntry entry) {
    }

    /** Codes, not labels, so that a script or a spreadsheet can rely on them; free text guarded against formulas. */
    Export csv(UUID engagementId, AuthenticatedUser reader) {
        StatementOfApplicability soa = latest(engagementId, reader);
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder()
                .setHeader(CSV_HEADER.toArray(String[]::new)).get())) {
            for (Decision decision : decisions(soa)) {
                SoaEntry entry = decision.entry();
                printer.printRecord(decision.control().id(), inert(decision.control().title()),
                        decision.control().group(),
                        entry == null || entry.applicable() == null ? "" : entry.applicable().toString(),
                        entry == null ? "" : inert(Objects.toString(entry.justification(), "")),
                        entry == null || entry.implementationStatus() == null ? "" : entry.implementationStatus().name(),
                        soa.current().version(), soa.current().status().name());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Export(filename(soa, "csv"), Export.CSV, out.toString().getBytes(StandardCharsets.UTF_8));
    }

    Export pdf(UUID engagementId, AuthenticatedUser reader, Locale locale) {
        StatementOfApplicability soa = latest(engagementId, reader);
        Engagement engagement = engagements.get(engagementId, reader);
        SoaVersion version = soa.current();
        ExportText text = new ExportText(messages, locale, clock.getZone());
        Instant now = clock.instant();
        PdfReport report = new PdfReport(text.get("export.soa.title", engagement.reference()),
                text.get("export.footer", engagement.reference(), text.time(now)), true);
        report.line(engagement.organisationName() + " · " + engagement.title());
        report.line(text.get("export.soa.version", version.version(), text.label("export.soa.status.", version.status()),
                soa.catalogVersion()));
        if (version.approvedAt() != null) {
            report.line(text.get("export.soa.approved", version.approvedBy(), text.time(version.approvedAt())));
        }
        report.line(text.get("export.soa.counts", soa.controlCount(), version.applicable(), version.excluded(),
                soa.controlCount() - version.decided()));
        report.line(text.get("export.generated", text.time(now), reader.displayName(), text.zone()));
        List<List<String>> rows = new ArrayList<>();
        String theme = null;
        for (Decision decision : decisions(soa)) {
            if (!decision.control().group().equals(theme)) {
                theme = decision.control().group();
                rows.add(List.of(text.get("export.soa.theme", theme)));
            }
            SoaEntry entry = decision.entry();
            rows.add(List.of(decision.control().id(), decision.control().title(), applicability(entry, text),
                    entry == null ? "" : Objects.toString(entry.justification(), ""),
                    entry == null || entry.implementationStatus() == null ? ""
                            : text.label("export.soa.impl.", entry.implementationStatus())));
        }
        report.section(SectionContent.table(text.get("export.soa.controls"),
                List.of(text.get("export.soa.col.control"), text.get("export.soa.col.title"),
                        text.get("export.soa.col.applicability"), text.get("export.soa.col.justification"),
                        text.get("export.soa.col.implementation")),
                List.of(2, 7, 3, 8, 3), rows, ExportText.NONE));
        return new Export(filename(soa, "pdf"), Export.PDF, report.finish());
    }

    private StatementOfApplicability latest(UUID engagementId, AuthenticatedUser reader) {
        StatementOfApplicability soa = statements.view(engagementId, reader);
        if (soa.current() == null) {
            throw new ConflictException(("%s has no Statement of Applicability yet: save a first draft before "
                    + "exporting it.").formatted(soa.engagementReference()));
        }
        return soa;
    }

    private List<Decision> decisions(StatementOfApplicability soa) {
        Map<String, SoaEntry> entries = soa.entries().stream()
                .collect(Collectors.toMap(SoaEntry::controlId, Function.identity()));
        return catalog.isoControlsOf(soa.catalogVersion()).stream()
                .map(control -> new Decision(control, entries.get(control.id()))).toList();
    }

    private static String applicability(SoaEntry entry, ExportText text) {
        if (entry == null || entry.applicable() == null) {
            return text.get("export.soa.undecided");
        }
        return text.get(entry.applicable() ? "export.soa.applicable" : "export.soa.excluded");
    }

    /**
     * Text typed by a person, made inert for spreadsheets: a cell that starts like a formula would be run when
     * the file is opened (CSV injection), so it gets a leading apostrophe.
     */
    static String inert(String value) {
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    private static String filename(StatementOfApplicability soa, String extension) {
        return "%s-soa-v%d.%s".formatted(soa.engagementReference(), soa.current().version(), extension);
    }
}
