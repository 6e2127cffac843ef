package org.auditmanager.soc2;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.auditmanager.common.ConflictException;
import org.auditmanager.common.ForbiddenException;
import org.auditmanager.common.InvalidInputException;
import org.auditmanager.common.NotFoundException;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.engagement.Engagements;
import org.auditmanager.engagement.Framework;
import org.auditmanager.security.AuthenticatedUser;
import org.auditmanager.security.Role;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The SOC 2 examination of an engagement as people see and shape it: its record, the control matrix and
 * subservice organisations during scoping, and bridge letter requests after the report is issued.
 */
@Service
public class Soc2Examinations {

    static final String BRIDGE_LETTER_MESSAGE = "soc2BridgeLetterRequested";

    private final Soc2Repository repository;
    private final Engagements engagements;
    private final TrustServicesCriteria criteria;
    private final SubserviceCheck subserviceCheck;
    private final RuntimeService runtimeService;
    private final Clock clock;

    Soc2Examinations(Soc2Repository repository, Engagements engagements, TrustServicesCriteria criteria,
                     SubserviceCheck subserviceCheck, RuntimeService runtimeService, Clock clock) {
        this.repository = repository;
        this.engagements = engagements;
        this.criteria = criteria;
        this.subserviceCheck = subserviceCheck;
        this.runtimeService = runtimeService;
        this.clock = clock;
    }

    /** The examination of a SOC 2 engagement the user may see; 404 otherwise. */
    public Soc2Examination get(UUID engagementId, AuthenticatedUser user) {
        engagements.get(engagementId, user);
        return repository.find(engagementId, LocalDate.now(clock))
                .orElseThrow(() -> new NotFoundException("SOC 2 examination"));
    }

    /** The report's state for an engagement already shown to the caller; empty for other frameworks. */
    public Optional<Soc2Report> report(Engagement engagement) {
        if (engagement.framework() != Framework.SOC2) {
            return Optional.empty();
        }
        return repository.find(engagement.id(), LocalDate.now(clock)).map(Soc2Examination::report);
    }

    @Transactional
    public Soc2Examination replaceControls(UUID engagementId, List<ControlDefinition> controls,
                                           AuthenticatedUser user) {
        Soc2Examination examination = editableScope(engagementId, user);
        Map<String, String> errors = new LinkedHashMap<>();
        Set<String> references = new HashSet<>();
        for (ControlDefinition control : controls) {
            if (!references.add(control.reference().strip())) {
                errors.putIfAbsent("reference", "Control %s appears twice in the matrix.".formatted(control.reference()));
            }
            control.criteria().stream().filter(criterion -> !criteria.exists(criterion.strip())).findFirst()
                    .ifPresent(unknown -> errors.putIfAbsent("criteria", ("Control %s names criterion %s, which is "
                            + "not a 2017 trust services criterion.").formatted(control.reference(), unknown)));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors.values().iterator().next(), errors);
        }
        repository.replaceControls(examination.engagementId(), controls);
        return get(engagementId, user);
    }

    @Transactional
    public Soc2Examination replaceSubserviceOrganisations(UUID engagementId, List<SubserviceDefinition> organisations,
                                                          AuthenticatedUser user) {
        editableScope(engagementId, user);
        repository.replaceSubserviceOrganisations(engagementId, organisations);
        return get(engagementId, user);
    }

    /**
     * Asks the client for a bridge letter: offered to the client organisation as a task once the report is
     * issued, until the bridge letter window closes.
     */
    @Transactional
    public void requestBridgeLetter(UUID engagementId, AuthenticatedUser user) {
        Engagement engagement = engagements.get(engagementId, user);
        Soc2Examination examination = get(engagementId, user);
        if (examination.report().status() != ReportStatus.ISSUED) {
            throw new ConflictException("A bridge letter follows an issued report; this report is not issued yet.");
        }
        boolean waiting = runtimeService.createEventSubscriptionQuery().eventType("message")
                .eventName(BRIDGE_LETTER_MESSAGE)
                .processInstanceId(engagement.processInstanceId()).count() > 0;
        if (!waiting) {
            throw new ConflictException("The bridge letter window of this report has closed: a gap longer than the "
                    + "allowed cover calls for a new report.");
        }
        runtimeService.createMessageCorrelation(BRIDGE_LETTER_MESSAGE)
                .processInstanceId(engagement.processInstanceId()).correlate();
    }

    /** What stops the control matrix from being confirmed, in words; empty when it is complete. */
    List<String> matrixProblems(Soc2Examination examination) {
        List<String> problems = new ArrayList<>();
        if (examination.controls().isEmpty()) {
            problems.add("The control matrix is empty: map the client's controls to the criteria in scope first.");
        }
        List<String> inScope = criteria.inScope(examination.tscCategories());
        Set<String> addressed = new HashSet<>();
        examination.controls().forEach(control -> addressed.addAll(control.criteria()));
        List<String> unaddressed = inScope.stream().filter(criterion -> !addressed.contains(criterion)).toList();
        if (!examination.controls().isEmpty() && !unaddressed.isEmpty()) {
            problems.add("No control addresses %s, in scope through the categories %s.".formatted(
                    String.join(", ", unaddressed), String.join(", ", examination.tscCategories())));
        }
        examination.controls().forEach(control -> control.criteria().stream()
                .filter(criterion -> !inScope.contains(criterion)).findFirst()
                .ifPresent(outside -> problems.add("Control %s maps to %s, whose category is not in scope."
                        .formatted(control.reference(), outside))));
        problems.addAll(subserviceCheck.problems(examination.subserviceOrganisations().stream()
                .map(SubserviceDefinition::organisation).toList()));
        return problems;
    }

    private Soc2Examination editableScope(UUID engagementId, AuthenticatedUser user) {
        Soc2Examination examination = get(engagementId, user);
        if (user.isClient() || !(user.has(Role.AUDITOR) || user.seesAllEngagements())) {
            throw new ForbiddenException("The control matrix and the subservice organisations are kept by the "
                    + "engagement's auditors and managers.");
        }
        if (examination.matrixConfirmed()) {
            throw new ConflictException("The control matrix is confirmed and fieldwork has begun; the scope can no "
                    + "longer change in this examination.");
        }
        return examination;
    }
}
