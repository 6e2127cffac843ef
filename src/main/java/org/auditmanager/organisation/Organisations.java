package org.auditmanager.organisation;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.auditmanager.common.AuditableChange;
import org.auditmanager.common.ConflictException;
import org.springframework.context.ApplicationEventPublisher;
import org.auditmanager.common.NotFoundException;
import org.auditmanager.common.PageOf;
import org.auditmanager.common.PageRequest;
import org.auditmanager.security.AuthenticatedUser;
import org.auditmanager.security.CamundaIdentityMirror;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Audited organisations. A client sees only its own; staff see all. */
@Service
public class Organisations {

    private final OrganisationRepository repository;
    private final CamundaIdentityMirror identityMirror;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Organisations(OrganisationRepository repository, CamundaIdentityMirror identityMirror,
                  ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.identityMirror = identityMirror;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Organisation create(OrganisationForm form) {
        String name = form.name().strip();
        if (repository.findByName(name).isPresent()) {
            throw new ConflictException("An organisation named '" + name + "' already exists.");
        }
        Organisation organisation = new Organisation(UUID.randomUUID(), name, form.personsInScope(),
                form.sitesOrEmpty().stream().map(String::strip).toList());
        repository.insert(organisation, clock.instant());
        identityMirror.mirrorOrganisation(organisation.id(), organisation.name());
        events.publishEvent(AuditableChange.created(null, "ORGANISATION", organisation.id(), null, organisation.id(),
                Map.of("name", organisation.name())));
        return organisation;
    }

    /**
     * The organisation if the user may see it: a client its own, auditors and reviewers those of the engagements
     * they are on the team of; otherwise the same 404 as for an unknown id.
     */
    public Organisation get(UUID id, AuthenticatedUser user) {
        boolean visible = user.isClient() ? id.equals(user.organisationId())
                : user.seesAllEngagements() || repository.hasTeamMember(id, user.getUsername());
        if (!visible) {
            throw new NotFoundException("Organisation");
        }
        return repository.find(id).orElseThrow(() -> new NotFoundException("Organisation"));
    }

    public Optional<Organisation> findByName(String name) {
        return repository.findByName(name);
    }

    /** A firm's client list is confidential too: staff who do not see every engagement see their teams' clients. */
    public List<Organisation> visibleTo(AuthenticatedUser user) {
        if (user.isClient()) {
            return repository.findAllById(List.of(user.organisationId()));
        }
        return user.seesAllEngagements() ? repository.findAll() : repository.findByTeamMember(user.getUsername());
    }

    /**
     * One page of {@link #visibleTo(AuthenticatedUser)}; only the firm's whole client list is long enough to be
     * paged in the database.
     */
    public PageOf<Organisation> visibleTo(AuthenticatedUser user, PageRequest page) {
        if (!user.seesAllEngagements()) {
            return PageOf.of(visibleTo(user), page);
        }
        return new PageOf<>(repository.findAll(page.size(), page.page() * page.size()), repository.count(),
                page.page(), page.size());
    }
}
