package org.auditmanager.iso;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Map;
import org.auditmanager.common.InvalidInputException;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;

/**
 * Audit time for an ISMS (reference.md C). The initial audit days come from the decision table
 * {@code processes/iso27006-audit-days.dmn}, the same one the process engine deploys, evaluated here by a standalone
 * DMN engine so that no process instance is needed. Every derived figure is rounded up to the next half day:
 * rounding down would cut audit time below the proportion the rules ask for.
 */
@Service
public class AuditTime {

    static final String DECISION_RESOURCE = "processes/iso27006-audit-days.dmn";
    static final String DECISION_KEY = "iso27006AuditDays";

    private final IsoCycleProperties properties;
    private final DmnEngine dmnEngine;
    private final DmnDecision decision;

    public AuditTime(IsoCycleProperties properties) {
        this.properties = properties;
        this.dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream table = new ClassPathResource(DECISION_RESOURCE).getInputStream()) {
            this.decision = dmnEngine.parseDecision(DECISION_KEY, table);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DECISION_RESOURCE, e);
        }
    }

    /**
     * Audit days for the effective number of persons in the ISMS scope. For recertification, pass the current
     * headcount: its share applies to the initial time a new audit would take now (C.3).
     */
    public AuditDays forPersonsInScope(int personsInScope) {
        DmnDecisionRuleResult band = dmnEngine.evaluateDecisionTable(decision,
                Variables.createVariables().putValue("personsInScope", personsInScope)).getSingleResult();
        if (band == null) {
            String message = "The ISO/IEC 27006 audit-time chart starts at 1 person in scope, not %d."
                    .formatted(personsInScope);
            throw new InvalidInputException(message, Map.of("personsInScope", message));
        }
        int personsBeyondChart = band.<Integer>getEntry("personsBeyondChart");
        BigDecimal initial = BigDecimal.valueOf(band.<Double>getEntry("initialAuditDays")).setScale(1)
                .add(daysBeyondChart(personsInScope, personsBeyondChart));
        BigDecimal stage1 = properties.stage1AuditTimeShare().ofDaysRoundedUpToHalfDay(initial);
        return new AuditDays(personsInScope, initial, stage1, initial.subtract(stage1),
                properties.surveillanceAuditTimeShare().ofDaysRoundedUpToHalfDay(initial),
                properties.recertificationAuditTimeShare().ofDaysRoundedUpToHalfDay(initial),
                personsBeyondChart > 0);
    }

    /** C.1: above the last band the chart "continues the same progression", one more day per configured block. */
    private BigDecimal daysBeyondChart(int personsInScope, int personsBeyondChart) {
        if (personsBeyondChart == 0) {
            return BigDecimal.ZERO;
        }
        int personsPerDay = properties.personsPerAuditDayBeyondChart();
        if (personsPerDay == 0) {
            String message = ("%d persons in scope is beyond the ISO/IEC 27006 audit-time chart; "
                    + "determine the audit time individually.").formatted(personsInScope);
            throw new InvalidInputException(message, Map.of("personsInScope", message));
        }
        return BigDecimal.valueOf((personsBeyondChart + (long) personsPerDay - 1) / personsPerDay);
    }
}
