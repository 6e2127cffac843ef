package org.auditmanager.soc2;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Flags evidence that is not fresh for the report (reference.md F.3). Type II evidence must show days inside the
 * observation period and be contemporaneous: captured after the period end, it proves in-period operation only
 * when it carries its own trustworthy date. Type I evidence must show the state as of the report date, within
 * a configured tolerance either side.
 */
@Component
public class EvidenceFreshness {

    private final Soc2Properties.EvidenceRules rules;

    EvidenceFreshness(Soc2Properties properties) {
        this.rules = properties.evidence();
    }

    public List<FreshnessFlag> check(ReportCoverage coverage, Collection<EvidenceDates> evidence) {
        List<FreshnessFlag> flags = new ArrayList<>();
        for (EvidenceDates item : evidence) {
            if (coverage.isTypeII()) {
                checkTypeII(coverage, item, flags);
            } else {
                checkTypeI(coverage, item, flags);
            }
        }
        return flags;
    }

    private void checkTypeII(ReportCoverage coverage, EvidenceDates item, List<FreshnessFlag> flags) {
        if (item.shownFrom().isBefore(coverage.periodStart()) || item.shownTo().isAfter(coverage.periodEnd())) {
            flags.add(new FreshnessFlag(item.evidenceId(), FreshnessFlag.Problem.OUTSIDE_PERIOD,
                    "It shows %s to %s, but Type II evidence must come from inside the observation period %s to %s."
                            .formatted(item.shownFrom(), item.shownTo(), coverage.periodStart(),
                                    coverage.periodEnd())));
        }
        LocalDate collectBy = coverage.periodEnd().plusDays(rules.lateCollectionGraceDays());
        if (!item.selfDated() && item.collectedOn().isAfter(collectBy)) {
            flags.add(new FreshnessFlag(item.evidenceId(), FreshnessFlag.Problem.COLLECTED_AFTER_PERIOD,
                    ("It was collected on %s, after %s, and carries no trustworthy date of its own: evidence captured "
                            + "after the period does not prove that the control operated during it.")
                            .formatted(item.collectedOn(), collectBy)));
        }
    }

    private void checkTypeI(ReportCoverage coverage, EvidenceDates item, List<FreshnessFlag> flags) {
        LocalDate earliest = coverage.asOfDate().minusDays(rules.asOfToleranceDays());
        LocalDate latest = coverage.asOfDate().plusDays(rules.asOfToleranceDays());
        if (item.shownTo().isBefore(earliest) || item.shownFrom().isAfter(latest)) {
            flags.add(new FreshnessFlag(item.evidenceId(), FreshnessFlag.Problem.NOT_AS_OF_DATE,
                    ("It shows %s to %s, but Type I evidence must show the state as of %s (accepted from %s to %s, "
                            + "%d days either side).").formatted(item.shownFrom(), item.shownTo(),
                            coverage.asOfDate(), earliest, latest, rules.asOfToleranceDays())));
        }
    }
}
