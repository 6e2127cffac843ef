package org.auditmanager.soc2;

import java.util.Optional;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.engagement.TeamMember;
import org.auditmanager.engagement.TeamRole;
import org.springframework.stereotype.Component;

/**
 * The engagement quality review (reference.md E.8, SQMS No. 2): required when the firm designates the engagement
 * (a quality reviewer named on it, or every engagement by configuration), and performed by a reviewer who is not
 * on the engagement team. Checked when the task is submitted and again inside the engine when it completes, so
 * no way of completing it escapes the rule.
 */
@Component
public class QualityReviewRule {

    public static final String TASK = "EngagementQualityReview";

    private final Soc2Properties.QualityReviewRules rules;

    QualityReviewRule(Soc2Properties properties) {
        this.rules = properties.qualityReview();
    }

    public boolean required(Engagement engagement) {
        return rules.requiredForEveryEngagement()
                || engagement.team().stream().anyMatch(member -> member.role() == TeamRole.QUALITY_REVIEWER);
    }

    /** Why this person may not complete the review, or empty when they may. */
    public Optional<String> refusal(Engagement engagement, String username) {
        if (username == null) {
            return Optional.of("The engagement quality review must be claimed by its reviewer before it is completed, "
                    + "so that the reviewer's objectivity can be checked.");
        }
        return engagement.team().stream()
                .filter(member -> member.role().isAuditTeam() && member.username().equals(username))
                .map(TeamMember::displayName).findFirst()
                .map(name -> ("%s is on the engagement team of %s and may not perform its engagement quality review: "
                        + "the reviewer must not be on the engagement team (SQMS No. 2).")
                        .formatted(name, engagement.reference()));
    }
}
