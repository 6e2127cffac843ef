package org.auditmanager.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import org.auditmanager.security.AuthenticatedUser;
import org.springframework.core.io.InputStreamResource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Uploading and downloading evidence files over the JSON API, streamed both ways. */
@RestController
class EvidenceFileApiController {

    private final EvidenceFiles files;

    EvidenceFileApiController(EvidenceFiles files) {
        this.files = files;
    }

    @PostMapping("/api/evidence-requests/{id}/files")
    ResponseEntity<EvidenceFile> upload(@PathVariable UUID id, @RequestParam("file") MultipartFile file,
                                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                        LocalDate evidenceDate,
                                        @AuthenticationPrincipal AuthenticatedUser user) throws IOException {
        try (InputStream content = file.getInputStream()) {
            EvidenceFile stored = files.upload(id, file.getOriginalFilename(), evidenceDate, content, user);
            return ResponseEntity.created(URI.create("/api/evidence-requests/%s/files/%s"
                    .formatted(id, stored.versionId()))).body(stored);
        }
    }

    @GetMapping("/api/evidence-requests/{id}/files/{versionId}")
    @ApiResponse(responseCode = "200", description = "The stored bytes as an attachment, in the file's own type",
            content = @Content(mediaType = "*/*", schema = @Schema(type = "string", format = "binary")))
    ResponseEntity<InputStreamResource> download(@PathVariable UUID id, @PathVariable UUID versionId,
                                                 @AuthenticationPrincipal AuthenticatedUser user) {
        return asAttachment(files.download(id, versionId, user));
    }

    /** The bytes as a download with the stored name, type and length; the pages answer downloads the same way. */
    static ResponseEntity<InputStreamResource> asAttachment(EvidenceFiles.Download download) {
        EvidenceFile file = download.file();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .contentLength(file.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(file.filename()).toString())
                .eTag("\"" + file.sha256() + "\"")
                .body(new InputStreamResource(download.content()));
    }

    /** A plain filename="..." for ASCII names; others also as filename* (RFC 6266), which browsers prefer. */
    private static ContentDisposition attachment(String filename) {
        boolean ascii = StandardCharsets.US_ASCII.newEncoder().canEncode(filename);
        return ascii ? ContentDisposition.attachment().filename(filename).build()
                : ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build();
    }
}
