package org.auditmanager.soa;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.auditmanager.catalog.Catalog;
import org.auditmanager.catalog.CatalogItem;
import org.auditmanager.catalog.Catalogue;
import org.auditmanager.common.ConflictException;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.engagement.Engagements;
import org.auditmanager.engagement.Framework;
import org.auditmanager.security.AuthenticatedUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Statement of Applicability of an ISO/IEC 27001 engagement (6.1.3 d): every Annex A control applicable or
 * excluded with a justification, and how far each applicable one is implemented. It is kept in versions: a
 * draft is edited, submitted and approved; an approved version never changes, and a change starts a new draft
 * from it.
 */
@Service
public class StatementsOfApplicability {

    private final SoaRepository repository;
    private final Engagements engagements;
    private final Catalog catalog;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    StatementsOfApplicability(SoaRepository repository, Engagements engagements, Catalog catalog,
                              ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.engagements = engagements;
        this.catalog = catalog;
        this.events = events;
        this.clock = clock;
    }

    public StatementOfApplicability view(UUID engagementId, AuthenticatedUser user) {
        return view(isoEngagement(engagementId, user), user);
    }

    /**
     * Replaces the decisions of the draft with the given ones (controls left out are undecided). The first
     * call creates version 1; a submitted or approved version cannot change.
     */
    @Transactional
    public StatementOfApplicability saveDraft(UUID engagementId, List<SoaEntry> entries, AuthenticatedUser user) {
        Engagement engagement = isoEngagement(engagementId, user);
        SoaAccess.requireEditor(engagement, user);
        Optional<SoaVersion> latest = repository.latest(engagement.id());
        latest.ifPresent(version -> requireDraft(engagement, version));
        String catalogVersion = latest.map(SoaVersion::catalogVersion).orElseGet(this::currentCatalogVersion);
        List<SoaEntry> checked = SoaEntries.checked(entries, Set.copyOf(annexA(catalogVersion)), catalogVersion);
        UUID draft = latest.map(SoaVersion::id).orElseGet(() -> newVersion(engagement, 1, catalogVersion, null, user));
        if (repository.touchDraft(draft, user.getUsername(), clock.instant()) == 0) {
            throw changedMeanwhile();
        }
        repository.replaceEntries(draft, catalogVersion, checked);
        return view(engagement, user);
    }

    /** Starts a new draft from the last approved version, with its decisions. */
    @Transactional
    public StatementOfApplicability startRevision(UUID engagementId, AuthenticatedUser user) {
        Engagement engagement = isoEngagement(engagementId, user);
        SoaAccess.requireEditor(engagement, user);
        SoaVersion latest = repository.latest(engagement.id()).orElseThrow(() -> new ConflictException(
                "%s has no Statement of Applicability yet: save a first draft.".formatted(engagement.reference())));
        if (latest.status() != SoaStatus.APPROVED) {
            throw new ConflictException("Version %d is %s; finish it before starting another one."
                    .formatted(latest.version(), latest.status() == SoaStatus.DRAFT ? "still a draft" : "awaiting approval"));
        }
        // a new draft is made against the current catalogue; decisions on controls it no longer has are dropped
        String catalogVersion = currentCatalogVersion();
        Set<String> controls = Set.copyOf(annexA(catalogVersion));
        UUID draft = newVersion(engagement, latest.version() + 1, catalogVersion, latest.id(), user);
        repository.replaceEntries(draft, catalogVersion, repository.entries(latest.id()).stream()
                .filter(entry -> controls.contains(entry.controlId())).toList());
        return view(engagement, user);
    }

    /** Hands the draft to the approvers; every Annex A control must have a decision. */
    @Transactional
    public StatementOfApplicability submit(UUID engagementId, AuthenticatedUser user) {
        Engagement engagement = isoEngagement(engagementId, user);
        SoaAccess.requireEditor(engagement, user);
        SoaVersion draft = repository.latest(engagement.id()).orElseThrow(() -> new ConflictException(
                "There is no draft to submit: save the decisions first."));
        requireDraft(engagement, draft);
        // the status changes first: its row lock keeps a concurrent save out until this check is done
        if (repository.submit(draft.id(), user.getUsername(), clock.instant()) == 0) {
            throw changedMeanwhile();
        }
        Set<String> decided = repository.entries(draft.id()).stream().map(SoaEntry::controlId).collect(Collectors.toSet());
        List<String> undecided = annexA(draft.catalogVersion()).stream().filter(id -> !decided.contains(id)).toList();
        if (!undecided.isEmpty()) {
            throw new ConflictException("Every Annex A control needs a decision before submission; %d have none: %s."
                    .formatted(undecided.size(), String.join(", ", undecided.stream().limit(10).toList())
                            + (undecided.size() > 10 ? ", …" : "")));
        }
        return view(engagement, user);
    }

    /** The lead auditor or an engagement manager approves the submitted version; from then on it is final. */
    @Transactional
    public StatementOfApplicability approve(UUID engagementId, AuthenticatedUser user) {
        Engagement engagement = isoEngagement(engagementId, user);
        SoaAccess.requireApprover(engagement, user);
        SoaVersion submitted = submittedVersion(engagement);
        if (repository.approve(submitted.id(), user.getUsername(), clock.instant()) == 0) {
            throw changedMeanwhile();
        }
        events.publishEvent(new SoaApproved(engagement.id(), submitted.id(), submitted.version(), user.getUsername()));
        return view(engagement, user);
    }

    /** Returns the submitted version to draft so that it can be corrected. */
    @Transactional
    public StatementOfApplicability sendBack(UUID engagementId, AuthenticatedUser user) {
        Engagement engagement = isoEngagement(engagementId, user);
        SoaAccess.requireApprover(engagement, user);
        SoaVersion submitted = submittedVersion(engagement);
        if (repository.sendBack(submitted.id(), user.getUsername(), clock.instant()) == 0) {
            throw changedMeanwhile();
        }
        return view(engagement, user);
    }

    /**
     * The Annex A controls that apply under the version in force (the last approved one), in Annex A order;
     * empty when no version has been approved yet. For system use (evidence requests): no caller check.
     */
    public Optional<List<String>> approvedApplicableControls(UUID engagementId) {
        return repository.latestApproved(engagementId).map(version -> repository.entries(version.id()).stream()
                .filter(SoaEntry::applicable).map(SoaEntry::controlId).toList());
    }

    private StatementOfApplicability view(Engagement engagement, AuthenticatedUser user) {
        List<SoaVersion> versions = repository.versions(engagement.id());
        SoaVersion current = versions.isEmpty() ? null : versions.get(versions.size() - 1);
        String catalogVersion = current == null ? currentCatalogVersion() : current.catalogVersion();
        Integer approved = versions.stream().filter(version -> version.status() == SoaStatus.APPROVED)
                .map(SoaVersion::version).reduce((first, second) -> second).orElse(null);
        return new StatementOfApplicability(engagement.id(), engagement.reference(), catalogVersion,
                annexA(catalogVersion).size(), current, current == null ? List.of() : repository.entries(current.id()),
                approved, versions, actions(engagement, current, user));
    }

    private static Set<SoaAction> actions(Engagement engagement, SoaVersion current, AuthenticatedUser user) {
        Set<SoaAction> actions = EnumSet.noneOf(SoaAction.class);
        SoaStatus status = current == null ? null : current.status();
        if (SoaAccess.mayEdit(engagement, user)) {
            if (status == null || status == SoaStatus.DRAFT) {
                actions.add(SoaAction.SAVE_DRAFT);
            }
            if (status == SoaStatus.DRAFT) {
                actions.add(SoaAction.SUBMIT);
            }
            if (status == SoaStatus.APPROVED) {
                actions.add(SoaAction.START_REVISION);
            }
        }
        if (status == SoaStatus.SUBMITTED && SoaAccess.mayApprove(engagement, user)) {
            actions.add(SoaAction.APPROVE);
            actions.add(SoaAction.SEND_BACK);
        }
        return actions;
    }

    /** Tenancy first (404 for a foreign engagement), then the framework. */
    private Engagement isoEngagement(UUID engagementId, AuthenticatedUser user) {
        Engagement engagement = engagements.get(engagementId, user);
        if (engagement.framework() != Framework.ISO27001) {
            throw new ConflictException(("%s is a SOC 2 examination: a Statement of Applicability (ISO/IEC 27001:2022, "
                    + "6.1.3 d) belongs to ISO/IEC 27001 engagements only.").formatted(engagement.reference()));
        }
        return engagement;
    }

    /** Refuses any change unless the version is a draft. */
    private static void requireDraft(Engagement engagement, SoaVersion version) {
        if (version.status() == SoaStatus.SUBMITTED) {
            throw new ConflictException(("Version %d of the Statement of Applicability of %s is awaiting approval and "
                    + "cannot change; the approver can send it back to draft.")
                    .formatted(version.version(), engagement.reference()));
        }
        if (version.status() == SoaStatus.APPROVED) {
            throw new ConflictException(("Version %d of the Statement of Applicability of %s is approved and never "
                    + "changes; start a new version to make a change.").formatted(version.version(), engagement.reference()));
        }
    }

    private SoaVersion submittedVersion(Engagement engagement) {
        SoaVersion latest = repository.latest(engagement.id()).orElseThrow(() -> new ConflictException(
                "%s has no Statement of Applicability yet.".formatted(engagement.reference())));
        if (latest.status() != SoaStatus.SUBMITTED) {
            throw new ConflictException("Version %d is %s, not submitted for approval."
                    .formatted(latest.version(), latest.status() == SoaStatus.DRAFT ? "a draft" : "already approved"));
        }
        return latest;
    }

    private UUID newVersion(Engagement engagement, int number, String catalogVersion, UUID basedOn,
                            AuthenticatedUser user) {
        UUID id = UUID.randomUUID();
        try {
            repository.insertVersion(id, engagement.id(), number, catalogVersion, basedOn, user.getUsername(),
                    clock.instant());
        } catch (DuplicateKeyException concurrent) {
            throw changedMeanwhile();
        }
        return id;
    }

    /** The Annex A control ids of a catalogue version, in Annex A order. */
    private List<String> annexA(String catalogVersion) {
        return catalog.isoControlsOf(catalogVersion).stream().map(CatalogItem::id).toList();
    }

    private String currentCatalogVersion() {
        return catalog.currentVersionId(Catalogue.ISO27001);
    }

    private static ConflictException changedMeanwhile() {
        return new ConflictException("Someone else changed this Statement of Applicability at the same moment; "
                + "load it again and retry.");
    }
}
