package org.auditmanager.soc2;

import java.util.Map;
import java.util.Set;
import org.auditmanager.common.InvalidInputException;

/**
 * The tested result of one control and the criteria it addresses.
 *
 * @param deviations occurrences in the sample where the control did not operate as described
 * @param sampleSize occurrences tested
 */
public record ControlTest(String controlId, Set<String> criteria, TestResult result, int deviations,
                          int sampleSize) {

    public ControlTest {
        criteria = Set.copyOf(criteria);
        if (sampleSize < 1 || deviations < 0 || deviations > sampleSize) {
            throw invalid(controlId, "deviations", "needs at least one tested occurrence and between 0 and %d "
                    .formatted(sampleSize) + "deviations");
        }
        if ((result == TestResult.EXCEPTION) != (deviations > 0)) {
            throw invalid(controlId, "result", "is %s with %d deviations; an exception is exactly a test with "
                    .formatted(result, deviations) + "deviations");
        }
    }

    public static ControlTest noException(String controlId, Set<String> criteria, int sampleSize) {
        return new ControlTest(controlId, criteria, TestResult.NO_EXCEPTION, 0, sampleSize);
    }

    public static ControlTest exception(String controlId, Set<String> criteria, int deviations, int sampleSize) {
        return new ControlTest(controlId, criteria, TestResult.EXCEPTION, deviations, sampleSize);
    }

    private static InvalidInputException invalid(String controlId, String field, String problem) {
        String rule = "The test of control %s %s.".formatted(controlId, problem);
        return new InvalidInputException(rule, Map.of(field, rule));
    }
}
