package org.auditmanager.soc2;

import java.util.UUID;
import org.auditmanager.common.ForbiddenException;
import org.auditmanager.engagement.Engagements;
import org.auditmanager.tasks.TaskCompletionGuard;
import org.springframework.stereotype.Component;

/** Refuses the engagement quality review to a member of the engagement team before anything is submitted. */
@Component
class Soc2QualityReviewGuard implements TaskCompletionGuard {

    private final QualityReviewRule rule;
    private final Engagements engagements;

    Soc2QualityReviewGuard(QualityReviewRule rule, Engagements engagements) {
        this.rule = rule;
        this.engagements = engagements;
    }

    @Override
    public void check(String taskDefinitionKey, UUID engagementId, String username) {
        if (QualityReviewRule.TASK.equals(taskDefinitionKey)) {
            engagements.find(engagementId).flatMap(engagement -> rule.refusal(engagement, username))
                    .ifPresent(reason -> {
                        throw new ForbiddenException(reason);
                    });
        }
    }
}
