package org.auditmanager.iso;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.auditmanager.engagement.Engagement;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The audits of an ISO/IEC 27001 engagement with their reports and findings, for the pages that show them. */
@Service
public class IsoAuditReports {

    private final JdbcClient jdbc;

    IsoAuditReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every audit of an engagement the caller was already allowed to see, oldest first. */
    public List<IsoAuditReport> of(Engagement engagement) {
        return jdbc.sql("""
                        select id, cycle_no, audit_type, status, report, recommendation, signed_off_by
                        from iso_audit where engagement_id = :id order by opened_at, id""")
                .param("id", engagement.id())
                .query((rs, row) -> new IsoAuditReport(rs.getObject("id", UUID.class), rs.getInt("cycle_no"),
                        AuditType.valueOf(rs.getString("audit_type")), rs.getString("status"),
                        rs.getString("report"), rs.getString("recommendation"), rs.getString("signed_off_by"),
                        List.of()))
                .list().stream()
                .map(audit -> new IsoAuditReport(audit.auditId(), audit.cycleNo(), audit.type(), audit.status(),
                        audit.report(), audit.recommendation(), audit.signedOffBy(), findings(audit.auditId())))
                .toList();
    }

    private List<IsoAuditReport.Finding> findings(UUID auditId) {
        return jdbc.sql("""
                        select category, clause, description, status, due_date, closed_on from iso_finding
                        where audit_id = :id order by category, clause, id""")
                .param("id", auditId)
                .query((rs, row) -> new IsoAuditReport.Finding(FindingCategory.valueOf(rs.getString("category")),
                        rs.getString("clause"), rs.getString("description"), rs.getString("status"),
                        rs.getObject("due_date", LocalDate.class), rs.getObject("closed_on", LocalDate.class)))
                .list();
    }
}
