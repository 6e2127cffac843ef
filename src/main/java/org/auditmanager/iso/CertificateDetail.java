package org.auditmanager.iso;

import java.util.Optional;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.engagement.EngagementDetail;
import org.auditmanager.engagement.Framework;
import org.springframework.stereotype.Component;

/**
 * The current certificate of an ISO/IEC 27001 engagement on GET /api/engagements/{id}, as {@code certificate}:
 * its status (ACTIVE, SUSPENDED, EXPIRED, WITHDRAWN) since when and why, with its number and dates. Absent
 * before the first certification decision and for other frameworks.
 */
@Component
class CertificateDetail implements EngagementDetail {

    private final IsoRecords records;

    CertificateDetail(IsoRecords records) {
        this.records = records;
    }

    @Override
    public String name() {
        return "certificate";
    }

    @Override
    public Class<?> type() {
        return CertificationStatus.Certificate.class;
    }

    @Override
    public String description() {
        return "ISO/IEC 27001 only, once a certificate was granted: the current certificate, with its status "
                + "(ACTIVE, SUSPENDED, EXPIRED or WITHDRAWN), statusSince, statusReason, number, issueDate and "
                + "expiryDate.";
    }

    @Override
    public Optional<Object> of(Engagement engagement) {
        if (engagement.framework() != Framework.ISO27001) {
            return Optional.empty();
        }
        return records.currentCertificate(engagement.id()).map(IsoRecords.CertificateRow::asCertificate);
    }
}
