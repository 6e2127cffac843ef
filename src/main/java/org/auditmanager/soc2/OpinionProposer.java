package org.auditmanager.soc2;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * Proposes the opinion from the test results (reference.md E.5). A control whose deviation rate exceeds the
 * tolerable rate did not operate effectively; a criterion is not met when its ineffective controls reach the
 * configured rule; a criterion with a scope limitation, or with no tested control, lacks evidence. Pervasive
 * missing evidence proposes a disclaimer, pervasive failure an adverse opinion, anything short of that a
 * qualified one. Exceptions below the tolerable rate leave the opinion unmodified. The partner decides.
 */
@Component
public class OpinionProposer {

    private static final String PARTNER_DECIDES = " The engagement partner decides the opinion.";

    private final Soc2Properties.OpinionRules rules;

    OpinionProposer(Soc2Properties properties) {
        this.rules = properties.opinion();
    }

    public OpinionProposal propose(ExaminationResults results) {
        List<ControlTest> ineffective = results.tests().stream().filter(this::ineffective).toList();
        SortedSet<String> notMet = new TreeSet<>();
        SortedSet<String> withoutEvidence = new TreeSet<>();
        for (String criterion : results.criteriaInScope()) {
            List<ControlTest> mapped = results.tests().stream()
                    .filter(test -> test.criteria().contains(criterion)).toList();
            long failing = mapped.stream().filter(ineffective::contains).count();
            if (notMet(failing, mapped.size())) {
                notMet.add(criterion);
            } else if (mapped.isEmpty() || results.criteriaWithoutEvidence().contains(criterion)) {
                withoutEvidence.add(criterion);
            }
        }
        int inScope = results.criteriaInScope().size();
        List<String> ineffectiveIds = ineffective.stream().map(ControlTest::controlId).distinct().toList();
        Opinion opinion;
        String reason;
        if (pervasive(withoutEvidence.size(), inScope)) {
            opinion = Opinion.DISCLAIMER;
            reason = "%d of %d criteria lack sufficient evidence (%s), at least the pervasive share of %s: a pervasive "
                    .formatted(withoutEvidence.size(), inScope, String.join(", ", withoutEvidence), percent())
                    + "scope limitation.";
        } else if (pervasive(notMet.size(), inScope)) {
            opinion = Opinion.ADVERSE;
            reason = "%d of %d criteria are not met (%s), at least the pervasive share of %s."
                    .formatted(notMet.size(), inScope, String.join(", ", notMet), percent());
        } else if (!notMet.isEmpty() || !withoutEvidence.isEmpty()) {
            opinion = Opinion.QUALIFIED;
            reason = qualifiedReason(notMet, withoutEvidence, inScope);
        } else {
            opinion = Opinion.UNMODIFIED;
            reason = unmodifiedReason(results, inScope);
        }
        return new OpinionProposal(opinion, ineffectiveIds, notMet, withoutEvidence, reason + PARTNER_DECIDES);
    }

    /** deviations / sample size above the tolerable rate, compared without division */
    private boolean ineffective(ControlTest test) {
        return BigDecimal.valueOf(test.deviations())
                .compareTo(rules.tolerableDeviationRate().multiply(BigDecimal.valueOf(test.sampleSize()))) > 0;
    }

    private boolean notMet(long failing, int mapped) {
        return switch (rules.criterionNotMetWhen()) {
            case ANY_CONTROL_INEFFECTIVE -> failing > 0;
            case ALL_CONTROLS_INEFFECTIVE -> mapped > 0 && failing == mapped;
        };
    }

    private boolean pervasive(int affected, int inScope) {
        return affected > 0 && BigDecimal.valueOf(affected)
                .compareTo(rules.pervasiveShare().multiply(BigDecimal.valueOf(inScope))) >= 0;
    }

    private String qualifiedReason(SortedSet<String> notMet, SortedSet<String> withoutEvidence, int inScope) {
        List<String> parts = new ArrayList<>();
        if (!notMet.isEmpty()) {
            parts.add("%d of %d criteria are not met (%s)"
                    .formatted(notMet.size(), inScope, String.join(", ", notMet)));
        }
        if (!withoutEvidence.isEmpty()) {
            parts.add("%d of %d criteria lack sufficient evidence (%s)"
                    .formatted(withoutEvidence.size(), inScope, String.join(", ", withoutEvidence)));
        }
        return String.join(" and ", parts) + ", below the pervasive share of %s.".formatted(percent());
    }

    private String unmodifiedReason(ExaminationResults results, int inScope) {
        List<String> exceptions = results.tests().stream()
                .filter(test -> test.result() == TestResult.EXCEPTION).map(ControlTest::controlId).distinct().toList();
        String met = "All %d criteria in scope are met.".formatted(inScope);
        if (exceptions.isEmpty()) {
            return met;
        }
        return met + " Exceptions were noted (%s), none above the tolerable deviation rate of %s."
                .formatted(String.join(", ", exceptions),
                        rules.tolerableDeviationRate().movePointRight(2).stripTrailingZeros().toPlainString() + " %");
    }

    private String percent() {
        return rules.pervasiveShare().movePointRight(2).stripTrailingZeros().toPlainString() + " %";
    }
}
