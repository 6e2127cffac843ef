package org.auditmanager.iso;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The application deploys the audit-days table to the process engine (which enforces a history time to live), and
 * the engine's DecisionService, which the BPMN will use, agrees with {@link AuditTime}.
 */
@SpringBootTest
class AuditDaysDeploymentTest {

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    DecisionService decisionService;

    @Autowired
    AuditTime auditTime;

    @Test
    void deploysTheTableUnderItsStableResourceName() {
        DecisionDefinition definition = repositoryService.createDecisionDefinitionQuery()
                .decisionDefinitionKey(AuditTime.DECISION_KEY).latestVersion().singleResult();
        assertThat(definition.getResourceName()).isEqualTo(AuditTime.DECISION_RESOURCE);
        assertThat(definition.getHistoryTimeToLive()).isPositive();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 45, 46, 10_700})
    void engineDecisionGivesTheSameInitialDaysAsAuditTime(int persons) {
        DmnDecisionRuleResult result = decisionService.evaluateDecisionTableByKey(AuditTime.DECISION_KEY)
                .variables(Variables.createVariables().putValue("personsInScope", persons))
                .evaluate().getSingleResult();
        assertThat(result.<Double>getEntry("initialAuditDays"))
                .isEqualTo(auditTime.forPersonsInScope(persons).initial().doubleValue());
    }
}
