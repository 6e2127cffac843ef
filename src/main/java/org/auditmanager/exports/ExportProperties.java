package org.auditmanager.exports;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the exports print that is the firm's, not the engagement's, under {@code app.exports.*} (docs/api.md).
 *
 * @param certificationBody the certification body's name as it signs an ISO/IEC 27001 certificate
 * @param accreditation     the body's accreditation as printed under its name; empty prints nothing
 */
@ConfigurationProperties("app.exports")
record ExportProperties(@DefaultValue("Example Certification Body") String certificationBody,
                        @DefaultValue("") String accreditation) {

    ExportProperties {
        if (certificationBody == null || certificationBody.isBlank()) {
            throw new IllegalArgumentException("app.exports.certification-body must name the certification body");
        }
    }
}
