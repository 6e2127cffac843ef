package org.auditmanager.exports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.auditmanager.common.ConflictException;
import org.auditmanager.common.PageOf;
import org.auditmanager.common.PageRequest;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.engagement.Engagements;
import org.auditmanager.engagement.Framework;
import org.auditmanager.evidence.EvidenceFile;
import org.auditmanager.evidence.EvidenceFiles;
import org.auditmanager.evidence.EvidenceRequest;
import org.auditmanager.evidence.EvidenceRequests;
import org.auditmanager.evidence.EvidenceStatus;
import org.auditmanager.security.AuthenticatedUser;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The audit package of an engagement as one ZIP: an index page, the reports, every file version of the accepted
 * evidence requests, and a SHA-256 manifest in the format of {@code sha256sum} ({@code sha256sum -c SHA256SUMS}
 * in the unpacked folder checks every other file). Everything lives in one folder named after the engagement.
 *
 * <p>Preparing reads and checks everything that can be refused (the engagement's visibility, the reports), so
 * that a refusal is still an ordinary error answer. Writing then streams: the reports are small and made
 * beforehand, evidence files (up to hundreds of megabytes) are copied from the evidence store in small buffers
 * and hashed on the way, so neither a file nor the ZIP is ever held in memory.
 */
@Service
class AuditPackageExport {

    static final String MANIFEST = "SHA256SUMS";
    static final String INDEX = "index.html";
    private static final String INDEX_TEMPLATE = "exports/package-index";
    private static final int BUFFER = 64 * 1024;

    private final Engagements engagements;
    private final EngagementSummaryExport summary;
    private final SoaExport soa;
    private final CertificateExport certificate;
    private final Soc2MatrixExport matrix;
    private final EvidenceRequests evidenceRequests;
    private final EvidenceFiles evidenceFiles;
    private final ITemplateEngine templates;
    private final MessageSource messages;
    private final Clock clock;

    AuditPackageExport(Engagements engagements, EngagementSummaryExport summary, SoaExport soa,
                       CertificateExport certificate, Soc2MatrixExport matrix, EvidenceRequests evidenceRequests,
                       EvidenceFiles evidenceFiles, ITemplateEngine templates, MessageSource messages, Clock clock) {
        this.engagements = engagements;
        this.summary = summary;
        this.soa = soa;
        this.certificate = certificate;
        this.matrix = matrix;
        this.evidenceRequests = evidenceRequests;
        this.evidenceFiles = evidenceFiles;
        this.templates = templates;
        this.messages = messages;
        this.clock = clock;
    }

    /** One report in the package, made before streaming starts. */
    record Report(String path, String description, byte[] content, String sha256) {

        public long size() {
            return content.length;
        }
    }

    /** One evidence file version of an accepted request, streamed from the store while the ZIP is written. */
    record EvidenceItem(String path, EvidenceRequest request, EvidenceFile file) {
    }

    /** Everything the package will hold, for a reader who may see the engagement. */
    record Prepared(String filename, String folder, AuthenticatedUser reader, byte[] index, List<Report> reports,
                    List<EvidenceItem> evidence) {
    }

    /** 404 for an engagement the reader may not see, before anything else is read. */
    Prepared prepare(UUID engagementId, AuthenticatedUser reader, Locale locale) {
        Engagement engagement = engagements.get(engagementId, reader);
        ExportText text = new ExportText(messages, locale, clock.getZone());
        List<Report> reports = new ArrayList<>();
        reports.add(report(summary.pdf(engagementId, reader, locale), text.get("export.package.report.summary")));
        if (engagement.framework() == Framework.ISO27001) {
            try {
                reports.add(report(soa.csv(engagementId, reader), text.get("export.package.report.soaCsv")));
                reports.add(report(soa.pdf(engagementId, reader, locale), text.get("export.package.report.soaPdf")));
            } catch (ConflictException noStatementYet) {
                // an engagement without a Statement of Applicability yet has none to pack
            }
            if (certificate.availability(engagement, reader).refusal() == null) {
                reports.add(report(certificate.pdf(engagementId, reader, locale),
                        text.get("export.package.report.certificate")));
            }
        } else {
            reports.add(report(matrix.csv(engagementId, reader), text.get("export.package.report.soc2Matrix")));
        }
        List<EvidenceItem> evidence = acceptedEvidence(engagement, reader);
        byte[] index = index(engagement, reader, text, reports, evidence).getBytes(StandardCharsets.UTF_8);
        return new Prepared(engagement.reference() + "-audit-package.zip", engagement.reference(), reader, index,
                List.copyOf(reports), evidence);
    }

    /** Writes the ZIP to {@code out}; the caller closes {@code out}. */
    void write(Prepared prepared, OutputStream out) throws IOException {
        Map<String, String> manifest = new LinkedHashMap<>();
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        put(zip, prepared.folder(), INDEX, prepared.index(), manifest);
        for (Report report : prepared.reports()) {
            put(zip, prepared.folder(), report.path(), report.content(), manifest);
        }
        for (EvidenceItem item : prepared.evidence()) {
            copyEvidence(zip, prepared, item, manifest);
        }
        StringBuilder sums = new StringBuilder();
        manifest.forEach((path, sha256) -> sums.append(sha256).append("  ").append(path).append('\n'));
        zip.putNextEntry(new ZipEntry(prepared.folder() + "/" + MANIFEST));
        zip.write(sums.toString().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        zip.finish();
    }

    private void copyEvidence(ZipOutputStream zip, Prepared prepared, EvidenceItem item, Map<String, String> manifest)
            throws IOException {
        MessageDigest digest = sha256();
        zip.putNextEntry(new ZipEntry(prepared.folder() + "/" + item.path()));
        try (InputStream content = evidenceFiles.download(item.request().id(), item.file().versionId(),
                prepared.reader()).content()) {
            byte[] buffer = new byte[BUFFER];
            int read;
            while ((read = content.read(buffer)) != -1) {
                digest.update(buffer, 0, read);
                zip.write(buffer, 0, read);
            }
        }
        zip.closeEntry();
        String sha256 = HexFormat.of().formatHex(digest.digest());
        if (!sha256.equals(item.file().sha256())) {
            // a package that hands over altered evidence must fail, not look complete
            throw new IOException("Stored content of %s %s version %d does not match its recorded SHA-256."
                    .formatted(prepared.folder(), item.request().reference(), item.file().version()));
        }
        manifest.put(item.path(), sha256);
    }

    private static void put(ZipOutputStream zip, String folder, String path, byte[] content,
                            Map<String, String> manifest) throws IOException {
        zip.putNextEntry(new ZipEntry(folder + "/" + path));
        zip.write(content);
        zip.closeEntry();
        manifest.put(path, sha256(content));
    }

    /** The index page, rendered before streaming starts so that a failure is still an ordinary error answer. */
    private String index(Engagement engagement, AuthenticatedUser reader, ExportText text, List<Report> reports,
                         List<EvidenceItem> evidence) {
        Context context = new Context(text.locale());
        context.setVariable("engagement", engagement);
        context.setVariable("generated", text.get("export.generated", text.time(clock.instant()),
                reader.displayName(), text.zone()));
        context.setVariable("reports", reports);
        context.setVariable("evidence", evidence.stream().map(item -> new IndexedEvidence(item.path(),
                item.request().reference(), item.request().title(), item.file().filename(), item.file().version(),
                text.date(item.file().evidenceDate()), item.file().uploadedByName(),
                text.time(item.file().uploadedAt()), item.file().displaySize(), item.file().sha256())).toList());
        context.setVariable("manifest", MANIFEST);
        return templates.process(INDEX_TEMPLATE, context);
    }

    /** A row of the index's evidence table, formatted. */
    record IndexedEvidence(String path, String reference, String title, String filename, int version,
                           String evidenceDate, String uploadedBy, String uploadedAt, String size, String sha256) {
    }

    /** Every file version of the engagement's ACCEPTED requests that the reader may see, by request and version. */
    private List<EvidenceItem> acceptedEvidence(Engagement engagement, AuthenticatedUser reader) {
        List<EvidenceItem> items = new ArrayList<>();
        int page = 0;
        PageOf<EvidenceRequest> batch;
        int seen = 0;
        do {
            batch = evidenceRequests.list(engagement.id(), reader, PageRequest.of(page++, PageRequest.MAX_SIZE));
            seen += batch.items().size();
            for (EvidenceRequest request : batch.items()) {
                if (request.status() != EvidenceStatus.ACCEPTED) {
                    continue;
                }
                List<EvidenceFile> files = new ArrayList<>(evidenceRequests.view(request.id(), reader).files());
                files.sort((first, second) -> Integer.compare(first.version(), second.version()));
                files.forEach(file -> items.add(new EvidenceItem("evidence/%s/v%d-%s".formatted(request.reference(),
                        file.version(), entryName(file.filename())), request, file)));
            }
        } while (seen < batch.total() && !batch.items().isEmpty());
        return List.copyOf(items);
    }

    private static Report report(Export export, String description) {
        return new Report("reports/" + entryName(export.filename()), description, export.content(),
                sha256(export.content()));
    }

    /**
     * A ZIP entry and manifest name that every unzip tool and {@code sha256sum -c} read the same way: letters,
     * digits, dot, dash and underscore; anything else (spaces, slashes, backslashes, line breaks) becomes "_".
     */
    static String entryName(String filename) {
        return filename.replaceAll("[^\\p{L}\\p{N}._-]", "_");
    }

    static String sha256(byte[] content) {
        return HexFormat.of().formatHex(sha256().digest(content));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
