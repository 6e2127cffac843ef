package org.auditmanager.exports;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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

    ExportApiController(EngagementSummaryExport summary, SoaExport soa) {
        this.summary = summary;
        this.soa = soa;
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
}
