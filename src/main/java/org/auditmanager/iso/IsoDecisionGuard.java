package org.auditmanager.iso;

import java.util.Set;
import java.util.UUID;
import org.auditmanager.tasks.TaskCompletionGuard;
import org.springframework.stereotype.Component;

/**
 * The decision maker's impartiality checked before anything is submitted, so that the task page can show the
 * reason as soon as the form is opened; the decision task's listener checks it again inside the engine.
 */
@Component
class IsoDecisionGuard implements TaskCompletionGuard {

    /** the tasks whose completion {@link IsoTaskCompletion} records as a decision under 17021-1 9.5 */
    static final Set<String> DECISION_TASKS = Set.of("CertificationDecision", "MaintainCertification",
            "RecertificationDecision", "ScopeChangeDecision", "ShortNoticeDecision");

    private final DecisionImpartiality impartiality;

    IsoDecisionGuard(DecisionImpartiality impartiality) {
        this.impartiality = impartiality;
    }

    @Override
    public void check(String taskDefinitionKey, UUID engagementId, String username) {
        if (DECISION_TASKS.contains(taskDefinitionKey)) {
            impartiality.check(engagementId, username);
        }
    }
}
