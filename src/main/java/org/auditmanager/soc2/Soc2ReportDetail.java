package org.auditmanager.soc2;

import java.util.Optional;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.engagement.EngagementDetail;
import org.springframework.stereotype.Component;

/** The SOC 2 report's state on GET /api/engagements/{id}, as {@code soc2Report}. */
@Component
class Soc2ReportDetail implements EngagementDetail {

    private final Soc2Examinations examinations;

    Soc2ReportDetail(Soc2Examinations examinations) {
        this.examinations = examinations;
    }

    @Override
    public String name() {
        return "soc2Report";
    }

    @Override
    public Class<?> type() {
        return Soc2Report.class;
    }

    @Override
    public String description() {
        return "SOC 2 only: the report's state, due date, opinion and milestones.";
    }

    @Override
    public Optional<Object> of(Engagement engagement) {
        return examinations.report(engagement).map(report -> report);
    }
}
