package org.auditmanager.evidence;

import java.time.Period;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The judgement calls of evidence handling ({@code app.evidence.*}, documented in docs/evidence.md).
 *
 * @param maxFileSize         largest file accepted; the multipart limit in application.yml follows it
 * @param allowedContentTypes the content types (as sniffed from the bytes, never as declared) accepted
 * @param firstReminder       how long before the due date the client is first reminded (README: 14 days)
 * @param finalReminder       how long before the due date the client is reminded again (README: 3 days)
 */
@ConfigurationProperties("app.evidence")
public record EvidenceProperties(
        @DefaultValue("50MB") DataSize maxFileSize,
        @DefaultValue({"application/pdf", "image/png", "image/jpeg", "application/zip",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "application/vnd.openxmlformats-officedocument.presentationml.presentation",
                "text/plain", "text/csv"}) List<String> allowedContentTypes,
        @DefaultValue("14d") Period firstReminder,
        @DefaultValue("3d") Period finalReminder) {
}
