package org.auditmanager.soc2;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.auditmanager.common.InvalidInputException;

/**
 * What the opinion proposal is made from.
 *
 * @param criteriaInScope         the trust services criteria the report covers
 * @param tests                   the tested controls; criteria they map to outside the scope are ignored
 * @param criteriaWithoutEvidence criteria for which the auditor could not obtain sufficient evidence (a scope
 *                                limitation); criteria no test addresses count as such too
 */
public record ExaminationResults(Set<String> criteriaInScope, List<ControlTest> tests,
                                 Set<String> criteriaWithoutEvidence) {

    public ExaminationResults {
        criteriaInScope = Set.copyOf(criteriaInScope);
        tests = List.copyOf(tests);
        criteriaWithoutEvidence = Set.copyOf(criteriaWithoutEvidence);
        if (criteriaInScope.isEmpty()) {
            throw invalid("criteriaInScope", "An opinion needs the criteria the report covers.");
        }
        for (String criterion : criteriaWithoutEvidence) {
            if (!criteriaInScope.contains(criterion)) {
                throw invalid("criteriaWithoutEvidence",
                        "A scope limitation names criterion %s, which is not in scope.".formatted(criterion));
            }
        }
    }

    private static InvalidInputException invalid(String field, String rule) {
        return new InvalidInputException(rule, Map.of(field, rule));
    }
}
