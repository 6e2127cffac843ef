package org.auditmanager.iso;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.ClassPathResource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The decision table against the reference chart (a copy of the domain's iso27006-audit-days.csv), evaluated with
 * the public DMN engine API at both ends of every band and outside the chart.
 */
class AuditDaysDecisionTest {

    private static final String CHART = "/org/auditmanager/iso/iso27006-audit-days.csv";

    private static DmnEngine dmnEngine;
    private static DmnDecision decision;

    @BeforeAll
    static void parseDecision() throws IOException {
        dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream table = new ClassPathResource(AuditTime.DECISION_RESOURCE).getInputStream()) {
            decision = dmnEngine.parseDecision(AuditTime.DECISION_KEY, table);
        }
    }

    @ParameterizedTest(name = "{0}–{1} persons: {2} days")
    @CsvFileSource(resources = CHART, numLinesToSkip = 1)
    void givesTheBandsDaysAtBothEndsOfEveryBand(int from, int to, double days) {
        for (int persons : new int[] {from, to}) {
            DmnDecisionTableResult result = evaluate(persons);
            assertThat(result).as("%d persons", persons).hasSize(1);
            assertThat(result.getSingleResult().<Double>getEntry("initialAuditDays")).isEqualTo(days);
            assertThat(result.getSingleResult().<Integer>getEntry("personsBeyondChart")).isZero();
        }
    }

    @Test
    void chartBandsFollowOnWithoutGapsFromOnePerson() throws IOException {
        List<int[]> bands = chartBands();
        assertThat(bands).hasSize(22);
        assertThat(bands.get(0)[0]).isEqualTo(1);
        for (int i = 1; i < bands.size(); i++) {
            assertThat(bands.get(i)[0]).as("band %d starts after the previous one ends", i)
                    .isEqualTo(bands.get(i - 1)[1] + 1);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1})
    void matchesNoBandBelowOnePerson(int persons) {
        assertThat(evaluate(persons)).isEmpty();
    }

    @Test
    void aboveTheLastBandGivesItsDaysAndThePersonsBeyondIt() {
        assertThat(evaluate(10_701).getSingleResult().getEntryMap())
                .containsEntry("initialAuditDays", 28.0).containsEntry("personsBeyondChart", 1);
        assertThat(evaluate(50_000).getSingleResult().getEntryMap())
                .containsEntry("initialAuditDays", 28.0).containsEntry("personsBeyondChart", 39_300);
    }

    @Test
    void isAUniqueHitPolicyTableWithOneRulePerBandPlusTheRuleAboveTheChart() throws IOException {
        DmnModelInstance model;
        try (InputStream table = new ClassPathResource(AuditTime.DECISION_RESOURCE).getInputStream()) {
            model = Dmn.readModelFromStream(table);
        }
        Decision decisionElement = model.getModelElementById(AuditTime.DECISION_KEY);
        DecisionTable table = (DecisionTable) decisionElement.getExpression();
        assertThat(table.getHitPolicy()).isEqualTo(HitPolicy.UNIQUE);
        assertThat(table.getRules()).hasSize(chartBands().size() + 1);
        // the engine enforces a history time to live on every definition it deploys
        assertThat(decisionElement.getCamundaHistoryTimeToLive()).isPositive();
    }

    @Test
    void carriesADiagramShapeForTheDecisionSoCamundaModelerOpensIt() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document;
        try (InputStream table = new ClassPathResource(AuditTime.DECISION_RESOURCE).getInputStream()) {
            document = factory.newDocumentBuilder().parse(table);
        }
        NodeList shapes = document.getElementsByTagNameNS("https://www.omg.org/spec/DMN/20191111/DMNDI/", "DMNShape");
        assertThat(shapes.getLength()).isEqualTo(1);
        assertThat(((Element) shapes.item(0)).getAttribute("dmnElementRef")).isEqualTo(AuditTime.DECISION_KEY);
    }

    private static DmnDecisionTableResult evaluate(int persons) {
        return dmnEngine.evaluateDecisionTable(decision, Variables.createVariables().putValue("personsInScope", persons));
    }

    private static List<int[]> chartBands() throws IOException {
        try (InputStream csv = AuditDaysDecisionTest.class.getResourceAsStream(CHART)) {
            return new String(csv.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1)
                    .map(line -> line.split(","))
                    .map(cells -> new int[] {Integer.parseInt(cells[0]), Integer.parseInt(cells[1])})
                    .toList();
        }
    }
}
