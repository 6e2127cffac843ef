package org.auditmanager.exports;

import java.util.Locale;
import java.util.UUID;
import org.auditmanager.security.AuthenticatedUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/** The same files for the links on the engagement page (signed in with the page session, errors as pages). */
@Controller
@RequestMapping("/engagements/{id}/exports")
class ExportPagesController {

    private final EngagementSummaryExport summary;
    private final SoaExport soa;

    ExportPagesController(EngagementSummaryExport summary, SoaExport soa) {
        this.summary = summary;
        this.soa = soa;
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
}
