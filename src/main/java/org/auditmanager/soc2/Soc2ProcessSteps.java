package org.auditmanager.soc2;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.engagement.EngagementKind;
import org.auditmanager.engagement.Engagements;
import org.auditmanager.engagement.Framework;
import org.auditmanager.engagement.NewEngagement;
import org.auditmanager.engagement.ProcessVariables;
import org.auditmanager.engagement.TeamMember;
import org.auditmanager.engagement.TeamRole;
import org.auditmanager.security.AuthenticatedUser;
import org.auditmanager.security.UserAccounts;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * What the soc2-examination and soc2-control-test processes ask of the application, as
 * {@code ${soc2Process.method(...)}}: the dates of their timers (from {@link Soc2Policy}, read from our tables),
 * the collections their multi-instance activities run over, the conditions of their gateways and the automated
 * steps. Timer dates are the start of the day in the application's time zone.
 */
@Component("soc2Process")
public class Soc2ProcessSteps {

    static final String INDEPENDENT = "independent";

    private final Soc2Repository repository;
    private final Soc2Policy policy;
    private final Soc2Sampling sampling;
    private final OpinionProposer opinionProposer;
    private final TrustServicesCriteria criteria;
    private final QualityReviewRule qualityReview;
    private final Engagements engagements;
    private final UserAccounts users;
    private final Clock clock;

    Soc2ProcessSteps(Soc2Repository repository, Soc2Policy policy, Soc2Sampling sampling,
                     OpinionProposer opinionProposer, TrustServicesCriteria criteria, QualityReviewRule qualityReview,
                     Engagements engagements, UserAccounts users, Clock clock) {
        this.repository = repository;
        this.policy = policy;
        this.sampling = sampling;
        this.opinionProposer = opinionProposer;
        this.criteria = criteria;
        this.qualityReview = qualityReview;
        this.engagements = engagements;
        this.users = users;
        this.clock = clock;
    }

    /** Process start: the examination's record and its planned milestones. */
    public void open(DelegateExecution execution) {
        UUID id = engagementId(execution);
        Engagement engagement = engagements.find(id).orElseThrow();
        ReportCoverage coverage = ReportCoverage.of(engagement);
        LocalDate due = policy.reportDue(coverage);
        repository.insertExamination(id, coverage, due);
        repository.update(id, Map.of("tsc_categories", String.join(",", engagement.tscCategories().isEmpty()
                ? Set.of(TrustServicesCriteria.SECURITY) : engagement.tscCategories())));
        if (coverage.isTypeII()) {
            repository.planMilestone(id, "PERIOD_START", "Observation period starts", coverage.periodStart(), null);
            repository.planMilestone(id, "INTERIM_FIELDWORK", "Interim fieldwork", policy.interimFieldwork(coverage),
                    null);
            repository.planMilestone(id, "PERIOD_END", "Observation period ends", coverage.periodEnd(), null);
            repository.planMilestone(id, "FINAL_FIELDWORK", "Final fieldwork", policy.finalFieldwork(coverage), null);
        } else {
            repository.planMilestone(id, "AS_OF_DATE", "As-of date of the description", coverage.asOfDate(), null);
        }
        repository.planMilestone(id, "REPORT_ISSUED", "Report issued", null, due);
    }

    public boolean isTypeII(String engagementId) {
        return examination(engagementId).coverage().isTypeII();
    }

    public Date periodStart(String engagementId) {
        return startOf(examination(engagementId).periodStart());
    }

    public Date interimFieldwork(String engagementId) {
        return startOf(policy.interimFieldwork(examination(engagementId).coverage()));
    }

    /** The moment the period is over: the start of the day after its last day. */
    public Date periodEnded(String engagementId) {
        return startOf(examination(engagementId).periodEnd().plusDays(1));
    }

    public Date finalFieldwork(String engagementId) {
        return startOf(policy.finalFieldwork(examination(engagementId).coverage()));
    }

    /** Due date of the issuing task: the start of the report's due day. */
    public Date reportDue(String engagementId) {
        return startOf(examination(engagementId).report().due());
    }

    /** The report is overdue from the start of the day after its due day. */
    public Date reportOverdue(String engagementId) {
        return startOf(examination(engagementId).report().due().plusDays(1));
    }

    /** The bridge letter window closes after the last day a bridge letter may cover. */
    public Date bridgeLetterWindowCloses(String engagementId) {
        return startOf(policy.latestBridgeLetterEnd(examination(engagementId).coverage()).plusDays(1));
    }

    /** A date-driven milestone has come (execution listener on its timer). */
    public void reached(DelegateExecution execution, String milestone) {
        repository.reachPlannedMilestone(engagementId(execution), milestone);
    }

    /** The team against the staff who designed the client's controls in a readiness engagement. */
    public void checkIndependence(DelegateExecution execution) {
        UUID id = engagementId(execution);
        Engagement engagement = engagements.find(id).orElseThrow();
        Set<String> designers = new HashSet<>(repository.find(id, today()).orElseThrow().readinessDesigners());
        List<IndependenceConflict> conflicts = Soc2Independence.conflicts(engagement.team(), designers);
        repository.update(id, Columns.of("independence_conflicts", conflicts.isEmpty()
                ? null : String.join("\n", conflicts.stream().map(IndependenceConflict::reason).toList())));
        execution.setVariable(INDEPENDENT, conflicts.isEmpty());
    }

    public List<String> controlIds(String engagementId) {
        return repository.controls(UUID.fromString(engagementId)).stream().map(control -> control.id().toString())
                .toList();
    }

    public boolean isEventDriven(String controlId) {
        return repository.control(UUID.fromString(controlId)).frequency() == ControlFrequency.EVENT_DRIVEN;
    }

    /** Draws the control's sample with a fresh seed and records both: each item becomes an evidence request. */
    public void selectSamples(String controlId) {
        UUID id = UUID.fromString(controlId);
        Soc2Control control = repository.control(id);
        ReportCoverage coverage = repository.find(repository.engagementOfControl(id), today()).orElseThrow().coverage();
        repository.insertSamples(id, sampling.select(coverage, control.frequency(), control.populationSize()));
    }

    public List<String> sampleIds(String controlId) {
        return repository.samples(UUID.fromString(controlId)).stream().map(sample -> sample.id().toString()).toList();
    }

    /** The opinion the test results point to, recorded for the partner's decision. */
    public void proposeOpinion(DelegateExecution execution) {
        UUID id = engagementId(execution);
        Soc2Examination examination = repository.find(id, today()).orElseThrow();
        OpinionProposal proposal = opinionProposer.propose(results(examination));
        repository.update(id, Map.of("proposed_opinion", proposal.opinion().name(), "proposal_reason",
                proposal.reason()));
    }

    /**
     * The tested controls: each design walkthrough counts as one tested occurrence, each Type II operating test
     * with its sample. Readiness findings are not tests and never reach the opinion.
     */
    ExaminationResults results(Soc2Examination examination) {
        List<ControlTest> tests = new ArrayList<>();
        for (Soc2Control control : examination.controls()) {
            Set<String> mapped = Set.copyOf(control.criteria());
            if (control.designResult() != null) {
                tests.add(control.designResult() == TestResult.EXCEPTION
                        ? ControlTest.exception(control.reference(), mapped, 1, 1)
                        : ControlTest.noException(control.reference(), mapped, 1));
            }
            if (control.testResult() != null) {
                tests.add(new ControlTest(control.reference(), mapped, control.testResult(), control.deviations(),
                        control.sampleSize()));
            }
        }
        return new ExaminationResults(Set.copyOf(criteria.inScope(examination.tscCategories())), tests, Set.of());
    }

    public boolean qualityReviewRequired(String engagementId) {
        return qualityReview.required(engagements.find(UUID.fromString(engagementId)).orElseThrow());
    }

    /**
     * Creates the next period's engagement as the manager who decided the rollover, through the same service as
     * any creation (so it starts its own examination), then carries the scope over with every result reset.
     */
    public void rollOver(DelegateExecution execution) {
        UUID id = engagementId(execution);
        Engagement engagement = engagements.find(id).orElseThrow();
        Soc2Examination examination = repository.find(id, today()).orElseThrow();
        ReportCoverage next = policy.nextPeriod(examination.coverage());
        List<String> auditors = engagement.team().stream().filter(member -> member.role() == TeamRole.AUDITOR)
                .map(TeamMember::username).toList();
        String qualityReviewer = engagement.team().stream()
                .filter(member -> member.role() == TeamRole.QUALITY_REVIEWER).map(TeamMember::username)
                .findFirst().orElse(null);
        NewEngagement request = new NewEngagement(engagement.organisationId(), Framework.SOC2, EngagementKind.TYPE_II,
                "SOC 2 Type II %s to %s".formatted(next.periodStart(), next.periodEnd()), engagement.scope(),
                engagement.leadAuditor(), auditors, null, qualityReviewer, null, next.periodStart(),
                next.periodEnd(), examination.tscCategories());
        AuthenticatedUser decidedBy = (AuthenticatedUser) users.loadUserByUsername(examination.rolloverDecidedBy());
        Engagement created = engagements.create(request, decidedBy);
        repository.update(created.id(), Columns.of("system_boundaries", examination.systemBoundaries(),
                "cuecs", examination.cuecs(), "rolled_over_from", id));
        repository.replaceControls(created.id(), examination.controls().stream()
                .map(control -> new ControlDefinition(control.reference(), control.description(), control.frequency(),
                        control.criteria())).toList());
        repository.replaceSubserviceOrganisations(created.id(), examination.subserviceOrganisations());
        repository.update(id, Map.of("rolled_over_to", created.id()));
    }

    private Soc2Examination examination(String engagementId) {
        return repository.find(UUID.fromString(engagementId), today()).orElseThrow();
    }

    private static UUID engagementId(DelegateExecution execution) {
        return UUID.fromString((String) execution.getVariable(ProcessVariables.ENGAGEMENT_ID));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private Date startOf(LocalDate day) {
        return Date.from(day.atStartOfDay(clock.getZone()).toInstant());
    }
}
