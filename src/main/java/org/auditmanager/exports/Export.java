package org.auditmanager.exports;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A generated file: its name, its type and its bytes. */
record Export(String filename, MediaType contentType, byte[] content) {

    static final MediaType PDF = MediaType.APPLICATION_PDF;
    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    static final MediaType ZIP = new MediaType("application", "zip");

    /** As a download, never cached: exports hold the client's data. */
    ResponseEntity<byte[]> asDownload() {
        return ResponseEntity.ok()
                .contentType(contentType)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(content);
    }

    /**
     * The audit package, written to the response as it is made, on the request's own thread like an evidence
     * download (an asynchronous body would be cut off by the container's async timeout on a long download).
     */
    static void stream(AuditPackageExport packages, AuditPackageExport.Prepared prepared,
                       HttpServletResponse response) throws IOException {
        response.setContentType(ZIP.toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(prepared.filename()).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        packages.write(prepared, response.getOutputStream());
        response.flushBuffer();
    }
}
