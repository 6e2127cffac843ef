package org.auditmanager.exports;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.UUID;
import org.auditmanager.security.AuthenticatedUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Reports of one engagement as files; whoever may see the engagement may export them. */
@RestController
@RequestMapping("/api/engagements/{id}/exports")
class ExportApiController {

    private final EngagementSummaryExport summary;
    private final SoaExport soa;
    private final CertificateExport certificate;
    private final Soc2MatrixExport matrix;
    private final AuditPackageExport packages;

    ExportApiController(EngagementSummaryExport summary, SoaExport soa, CertificateExport certificate,
                        Soc2MatrixExport matrix, AuditPackageExport packages) {
        this.summary = summary;
        this.soa = soa;
        this.certificate = certificate;
        this.matrix = matrix;
        this.packages = packages;
    }

    @GetMapping(value = "/summary.pdf", produces = "application/pdf")
    @ApiResponse(responseCode = "200", description = "Status, team, milestones, completed steps and audit trail.",
            content = @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")))
    ResponseEntity<byte[]> summary(@PathVariable UUID id, @AuthenticationPrincipal AuthenticatedUser user,
                                   Locale locale) {
        return summary.pdf(id, user, locale).asDownload();
    }

    @GetMapping(value = "/soa.csv", produces = "text/csv")
    @ApiResponse(responseCode = "200", description = "The latest Statement of Applicability, one row per Annex A "
            + "control; columns control_id, title, theme, applicable, justification, implementation_status, "
            + "soa_version, soa_status.",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")))
    ResponseEntity<byte[]> soaCsv(@PathVariable UUID id, @AuthenticationPrincipal AuthenticatedUser user) {
        return soa.csv(id, user).asDownload();
    }

    @GetMapping(value = "/soa.pdf", produces = "application/pdf")
    @ApiResponse(responseCode = "200", description = "The latest Statement of Applicability as a printable table.",
            content = @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")))
    ResponseEntity<byte[]> soaPdf(@PathVariable UUID id, @AuthenticationPrincipal AuthenticatedUser user,
                                  Locale locale) {
        return soa.pdf(id, user, locale).asDownload();
    }

    @GetMapping(value = "/certificate.pdf", produces = "application/pdf")
    @ApiResponse(responseCode = "200", description = "The ISO/IEC 27001 certificate: certified organisation, scope, "
            + "certificate number, issue and expiry dates, certification cycle, SoA version and the certification "
            + "body (app.exports.certification-body). 409 with the reason when the engagement is not ISO/IEC 27001 "
            + "or has no valid (ACTIVE) certificate: none granted yet, or suspended, expired or withdrawn.",
            content = @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")))
    ResponseEntity<byte[]> certificate(@PathVariable UUID id, @AuthenticationPrincipal AuthenticatedUser user,
                                       Locale locale) {
        return certificate.pdf(id, user, locale).asDownload();
    }

    @GetMapping(value = "/soc2-matrix.csv", produces = "text/csv")
    @ApiResponse(responseCode = "200", description = "The SOC 2 control test matrix, one row per criterion and "
            + "control addressing it (a criterion in scope without a control has a row with empty control columns); "
            + "columns criterion, criterion_title, control, control_description, frequency, design_result, "
            + "test_result, samples (occurrences tested), exceptions (deviations found), sample_items, test_notes, "
            + "management_response. 409 for an engagement that is not a SOC 2 examination.",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")))
    ResponseEntity<byte[]> soc2Matrix(@PathVariable UUID id, @AuthenticationPrincipal AuthenticatedUser user) {
        return matrix.csv(id, user).asDownload();
    }

    @GetMapping(value = "/audit-package.zip", produces = "application/zip")
    @ApiResponse(responseCode = "200", description = "The audit package, streamed: one folder named after the "
            + "engagement with index.html (the contents with their sizes and SHA-256), reports/ (summary PDF; for "
            + "ISO/IEC 27001 the SoA as CSV and PDF and the certificate when valid; for SOC 2 the control test "
            + "matrix), evidence/<request>/v<version>-<file> (every file version of the accepted evidence requests) "
            + "and SHA256SUMS, a sha256sum manifest of every other file (`sha256sum -c SHA256SUMS`).",
            content = @Content(mediaType = "application/zip", schema = @Schema(type = "string", format = "binary")))
    void auditPackage(@PathVariable UUID id, @AuthenticationPrincipal AuthenticatedUser user, Locale locale,
                      HttpServletResponse response) throws IOException {
        Export.stream(packages, packages.prepare(id, user, locale), response);
    }
}
