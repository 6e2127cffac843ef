package org.auditmanager.evidence;

import java.util.List;
import org.auditmanager.engagement.Engagements;
import org.auditmanager.engagement.TeamMember;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Who reviews evidence: the engagement's audit team (lead auditor and auditors), read when the review task is
 * created, so that the current team gets it: {@code camunda:candidateUsers="${evidenceReviewers.of(execution)}"}.
 */
@Component("evidenceReviewers")
public class EvidenceReviewers {

    private final Engagements engagements;

    EvidenceReviewers(Engagements engagements) {
        this.engagements = engagements;
    }

    public List<String> of(DelegateExecution execution) {
        return engagements.team(EvidenceProcess.engagementId(execution)).stream()
                .filter(member -> member.role().isAuditTeam())
                .map(TeamMember::username)
                .distinct()
                .toList();
    }
}
