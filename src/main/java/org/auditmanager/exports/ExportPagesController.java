package org.auditmanager.exports;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.UUID;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.engagement.Engagements;
import org.auditmanager.security.AuthenticatedUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/** The same files for the links on the engagement page (signed in with the page session, errors as pages). */
@Controller
@RequestMapping("/engagements/{id}/exports")
class ExportPagesController {

    private static final String INDEX = "exports/index";

    private final Engagements engagements;
    private final EngagementSummaryExport summary;
    private final SoaExport soa;
    private final CertificateExport certificate;
    private final Soc2MatrixExport matrix;
    private final AuditPackageExport packages;

    ExportPagesController(Engagements engagements, EngagementSummaryExport summary, SoaExport soa,
                          CertificateExport certificate, Soc2MatrixExport matrix, AuditPackageExport packages) {
        this.engagements = engagements;
        this.summary = summary;
        this.soa = soa;
        this.certificate = certificate;
        this.matrix = matrix;
        this.packages = packages;
    }

    /** Every export of the engagement, with what each holds; the certificate only when there is a valid one. */
    @GetMapping
    String index(@PathVariable UUID id, @AuthenticationPrincipal AuthenticatedUser user, Model model) {
        Engagement engagement = engagements.get(id, user);
        model.addAttribute("engagement", engagement);
        model.addAttribute("certificate", certificate.availability(engagement, user));
        return INDEX;
    }

    @GetMapping("/summary.pdf")
    ResponseEntity<byte[]> summary(@PathVariable UUID id, @AuthenticationPrincipal AuthenticatedUser user,
                                   Locale locale) {
        return summary.pdf(id, user, locale).asDownload();
    }

    @GetMapping("/soa.csv")
    ResponseEntity<byte[]> soaCsv(@PathVariable UUID id, @AuthenticationPrincipal AuthenticatedUser user) {
        return soa.csv(id, user).asDownload();
    }

    @GetMapping("/soa.pdf")
    ResponseEntity<byte[]> soaPdf(@PathVariable UUID id, @AuthenticationPrincipal AuthenticatedUser user,
                                  Locale locale) {
        return soa.pdf(id, user, locale).asDownload();
    }

    @GetMapping("/certificate.pdf")
    ResponseEntity<byte[]> certificate(@PathVariable UUID id, @AuthenticationPrincipal AuthenticatedUser user,
                                       Locale locale) {
        return certificate.pdf(id, user, locale).asDownload();
    }

    @GetMapping("/soc2-matrix.csv")
    ResponseEntity<byte[]> soc2Matrix(@PathVariable UUID id, @AuthenticationPrincipal AuthenticatedUser user) {
        return matrix.csv(id, user).asDownload();
    }

    @GetMapping("/audit-package.zip")
    void auditPackage(@PathVariable UUID id, @AuthenticationPrincipal AuthenticatedUser user, Locale locale,
                      HttpServletResponse response) throws IOException {
        Export.stream(packages, packages.prepare(id, user, locale), response);
    }
}
