package org.auditmanager.exports;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.auditmanager.common.ConflictException;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.engagement.Engagements;
import org.auditmanager.engagement.Framework;
import org.auditmanager.iso.CertificateStatus;
import org.auditmanager.iso.CertificationStatus;
import org.auditmanager.iso.Certifications;
import org.auditmanager.security.AuthenticatedUser;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The certificate of an ISO/IEC 27001 engagement as the certification body issues it: who is certified, for what
 * scope, against which Statement of Applicability, from when and until when. Only a valid (ACTIVE) certificate is
 * printed: a suspended, expired or withdrawn one is not valid, and a printout must never suggest otherwise.
 */
@Service
class CertificateExport {

    private final Engagements engagements;
    private final Certifications certifications;
    private final ExportProperties properties;
    private final MessageSource messages;
    private final Clock clock;

    CertificateExport(Engagements engagements, Certifications certifications, ExportProperties properties,
                      MessageSource messages, Clock clock) {
        this.engagements = engagements;
        this.certifications = certifications;
        this.properties = properties;
        this.messages = messages;
        this.clock = clock;
    }

    /** 404 for an engagement the reader may not see; 409 with the reason when there is no valid certificate. */
    Export pdf(UUID engagementId, AuthenticatedUser reader, Locale locale) {
        Engagement engagement = engagements.get(engagementId, reader);
        Availability availability = availability(engagement, reader);
        if (availability.refusal() != null) {
            throw new ConflictException(availability.refusal());
        }
        CertificationStatus.Certificate certificate = availability.certificate();
        ExportText text = new ExportText(messages, locale, clock.getZone());
        Instant now = clock.instant();
        PdfReport report = new PdfReport(text.get("export.certificate.title"),
                text.get("export.footer", certificate.number(), text.time(now)), false);
        report.statement(text.get("export.certificate.certifies"), 11, false);
        report.statement(engagement.organisationName(), 20, true);
        report.statement(text.get("export.certificate.conforms"), 11, false);
        report.statement(certificate.scope(), 12, true);
        List<List<String>> facts = new ArrayList<>();
        facts.add(List.of(text.get("export.certificate.number"), certificate.number()));
        facts.add(List.of(text.get("export.certificate.issued"), text.date(certificate.issueDate())));
        facts.add(List.of(text.get("export.certificate.expires"), text.date(certificate.expiryDate())));
        facts.add(List.of(text.get("export.certificate.cycle"), String.valueOf(certificate.cycle())));
        facts.add(List.of(text.get("export.certificate.soaVersion"), ExportText.orNone(certificate.soaVersion())));
        facts.add(List.of(text.get("export.certificate.engagement"), engagement.reference()));
        report.section(SectionContent.facts(text.get("export.certificate.details"), facts));
        report.statement(text.get("export.certificate.issuedBy", properties.certificationBody()), 12, true);
        if (!properties.accreditation().isBlank()) {
            report.statement(properties.accreditation(), 9, false);
        }
        report.statement(text.get("export.certificate.validity", properties.certificationBody()), 8, false);
        report.line(text.get("export.generated", text.time(now), reader.displayName(), text.zone()));
        return new Export(certificate.number() + "-certificate.pdf", Export.PDF, report.finish());
    }

    /**
     * The certificate to print, or why there is none: the exports page shows the reason instead of a link.
     *
     * @param refusal null when {@code certificate} is valid now
     */
    record Availability(CertificationStatus.Certificate certificate, String refusal) {
    }

    Availability availability(Engagement engagement, AuthenticatedUser reader) {
        if (engagement.framework() != Framework.ISO27001) {
            return new Availability(null, "%s is not an ISO/IEC 27001 engagement; only those lead to a certificate."
                    .formatted(engagement.reference()));
        }
        CertificationStatus.Certificate certificate = certifications.status(engagement.id(), reader).certificate();
        if (certificate == null) {
            return new Availability(null, "%s has no certificate: none has been granted yet."
                    .formatted(engagement.reference()));
        }
        if (certificate.status() != CertificateStatus.ACTIVE) {
            return new Availability(certificate, "Certificate %s is %s since %s, so it is not valid and is not printed."
                    .formatted(certificate.number(), certificate.status().name().toLowerCase(Locale.ROOT),
                            certificate.statusSince()));
        }
        return new Availability(certificate, null);
    }
}
