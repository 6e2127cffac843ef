package org.auditmanager.engagement;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.auditmanager.common.NotFoundException;
import org.auditmanager.organisation.Organisations;
import org.auditmanager.security.AuthenticatedUser;
import org.auditmanager.security.CamundaGroups;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates engagements and answers who may see which. Creating one starts its process in the same transaction:
 * both exist, or neither.
 */
@Service
public class Engagements {

    /** Every engagement starts with the kick-off process until the ISO and SOC 2 processes take over. */
    static final String PROCESS_KEY = "engagement-kickoff";
    static final String INITIAL_STATUS = "CREATED";

    private final EngagementRepository repository;
    private final EngagementReferences references;
    private final EngagementRules rules;
    private final Organisations organisations;
    private final RuntimeService runtimeService;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Engagements(EngagementRepository repository, EngagementReferences references, EngagementRules rules,
                Organisations organisations, RuntimeService runtimeService, ApplicationEventPublisher events,
                Clock clock) {
        this.repository = repository;
        this.references = references;
        this.rules = rules;
        this.organisations = organisations;
        this.runtimeService = runtimeService;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Engagement create(NewEngagement request, AuthenticatedUser creator) {
        organisations.get(request.organisationId(), creator);
        rules.check(request);
        UUID id = UUID.randomUUID();
        String reference = references.next();
        repository.insert(id, reference, request, INITIAL_STATUS, creator.getUsername(), clock.instant());
        addTeam(id, request);
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(PROCESS_KEY, reference, Map.of(
                ProcessVariables.ENGAGEMENT_ID, id.toString(),
                ProcessVariables.CLIENT_GROUP, CamundaGroups.organisationGroup(request.organisationId()),
                ProcessVariables.LEAD_AUDITOR, request.leadAuditor()));
        repository.linkProcessInstance(id, instance.getId());
        events.publishEvent(new EngagementCreated(id, reference, request.organisationId(), creator.getUsername()));
        return repository.find(id).orElseThrow();
    }

    private void addTeam(UUID id, NewEngagement request) {
        repository.addMember(id, request.leadAuditor(), TeamRole.LEAD_AUDITOR);
        request.auditTeamOrEmpty().stream().distinct()
                .filter(member -> !member.equals(request.leadAuditor()))
                .forEach(member -> repository.addMember(id, member, TeamRole.AUDITOR));
        Optional.ofNullable(request.decisionMaker()).filter(name -> !name.isBlank())
                .ifPresent(name -> repository.addMember(id, name, TeamRole.DECISION_MAKER));
        Optional.ofNullable(request.qualityReviewer()).filter(name -> !name.isBlank())
                .ifPresent(name -> repository.addMember(id, name, TeamRole.QUALITY_REVIEWER));
    }

    /** The engagement if the user may see it; otherwise the same 404 as for an unknown id. */
    public Engagement get(UUID id, AuthenticatedUser user) {
        if (!repository.isVisible(id, user)) {
            throw new NotFoundException("Engagement");
        }
        return repository.find(id).orElseThrow(() -> new NotFoundException("Engagement"));
    }

    /**
     * The team of an engagement, for code that runs without a signed-in person (process expressions choosing
     * who works on a task); everyone else reads it from {@link #get(UUID, AuthenticatedUser)}.
     */
    public List<TeamMember> team(UUID id) {
        return repository.team(id);
    }

    public boolean isVisible(UUID id, AuthenticatedUser user) {
        return repository.isVisible(id, user);
    }

    public List<Engagement> visibleTo(AuthenticatedUser user, int page, int size) {
        return repository.findVisible(user, size, page * size);
    }

    public int countVisibleTo(AuthenticatedUser user) {
        return repository.countVisible(user);
    }

    /** References of the engagements a user may see: the business keys of their process instances. */
    public List<String> visibleReferences(AuthenticatedUser user) {
        return repository.visibleReferences(user);
    }

    public List<Engagement> byReferences(List<String> references) {
        return repository.findByReferences(references);
    }

    public Optional<Engagement> byReference(String reference) {
        return repository.findByReference(reference);
    }
}
