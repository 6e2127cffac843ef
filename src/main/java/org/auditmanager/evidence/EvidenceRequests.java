package org.auditmanager.evidence;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.auditmanager.common.ConflictException;
import org.auditmanager.common.ForbiddenException;
import org.auditmanager.common.InvalidInputException;
import org.auditmanager.common.NotFoundException;
import org.auditmanager.common.PageOf;
import org.auditmanager.common.PageRequest;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.engagement.ProcessVariables;
import org.auditmanager.security.AuthenticatedUser;
import org.auditmanager.security.CamundaGroups;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An engagement's PBC list: auditors draft requests, share them with the client (which starts each one's
 * evidence-request process in the same transaction), comment on them and cancel them. Clients see a request
 * only once it is shared.
 */
@Service
public class EvidenceRequests {

    private final EvidenceRequestRepository requests;
    private final EvidenceFileRepository files;
    private final EvidenceThreadRepository thread;
    private final EvidenceAccess access;
    private final EvidenceRequestRules rules;
    private final EvidenceRoundRepository rounds;
    private final RuntimeService runtimeService;
    private final Clock clock;

    EvidenceRequests(EvidenceRequestRepository requests, EvidenceFileRepository files, EvidenceThreadRepository thread,
                     EvidenceAccess access, EvidenceRequestRules rules, EvidenceRoundRepository rounds,
                     RuntimeService runtimeService, Clock clock) {
        this.requests = requests;
        this.rounds = rounds;
        this.files = files;
        this.thread = thread;
        this.access = access;
        this.rules = rules;
        this.runtimeService = runtimeService;
        this.clock = clock;
    }

    /** A new draft; while an audit collects evidence (an open evidence round) it belongs to that audit. */
    @Transactional
    public EvidenceRequest create(UUID engagementId, NewEvidenceRequest request, AuthenticatedUser user) {
        Engagement engagement = access.engagement(engagementId, user);
        access.requireManage(engagement, user);
        NewEvidenceRequest checked = rules.check(engagement, request, LocalDate.now(clock));
        UUID id = UUID.randomUUID();
        try {
            requests.insert(id, engagementId, rounds.openRoundOf(engagementId).orElse(null),
                    requests.nextNumber(engagementId), checked, user.getUsername(), clock.instant());
        } catch (DuplicateKeyException sameNumberTakenMeanwhile) {
            throw new ConflictException("Someone added a request to this list at the same moment; save again.");
        }
        return requests.find(id).orElseThrow();
    }

    /** Only drafts change: once shared, the client and the process rely on what was asked. */
    @Transactional
    public EvidenceRequest update(UUID id, NewEvidenceRequest request, AuthenticatedUser user) {
        EvidenceAccess.Scoped scoped = access.manage(id, user);
        NewEvidenceRequest checked = rules.check(scoped.engagement(), request, LocalDate.now(clock));
        if (!requests.updateDraft(id, checked, clock.instant())) {
            throw new ConflictException("%s is already shared; cancel it and draft a new request instead."
                    .formatted(scoped.request().reference()));
        }
        return requests.find(id).orElseThrow();
    }

    /** Shares the given drafts, all or none: each gets its process, whose first step makes it OPEN. */
    @Transactional
    public List<EvidenceRequest> share(List<UUID> ids, AuthenticatedUser user) {
        return share(null, ids, user);
    }

    /** {@link #share(List, AuthenticatedUser)} for drafts of one engagement's list; others are not found. */
    @Transactional
    public List<EvidenceRequest> share(UUID engagementId, List<UUID> ids, AuthenticatedUser user) {
        if (engagementId != null) {
            access.requireManage(access.engagement(engagementId, user), user);
        }
        if (ids.isEmpty()) {
            throw new InvalidInputException("Choose the draft requests to share.");
        }
        List<EvidenceRequest> shared = new ArrayList<>();
        for (UUID id : ids.stream().distinct().toList()) {
            EvidenceAccess.Scoped scoped = access.manage(id, user);
            if (engagementId != null && !engagementId.equals(scoped.request().engagementId())) {
                throw new NotFoundException("Evidence request");
            }
            EvidenceRequest request = scoped.request();
            if (requests.lock(id).orElseThrow() != EvidenceStatus.DRAFT) {
                throw new ConflictException("%s is not a draft; it was shared or cancelled already."
                        .formatted(request.reference()));
            }
            if (request.dueDate().isBefore(LocalDate.now(clock))) {
                throw new InvalidInputException("%s was due on %s; change its due date before sharing it."
                        .formatted(request.reference(), request.dueDate()));
            }
            Engagement engagement = scoped.engagement();
            runtimeService.startProcessInstanceByKey(EvidenceProcess.KEY, engagement.reference(), Map.of(
                    ProcessVariables.ENGAGEMENT_ID, engagement.id().toString(),
                    EvidenceProcess.EVIDENCE_REQUEST_ID, id.toString(),
                    ProcessVariables.CLIENT_GROUP, CamundaGroups.organisationGroup(engagement.organisationId()),
                    ProcessVariables.LEAD_AUDITOR, engagement.leadAuditor()));
            shared.add(requests.find(id).orElseThrow());
        }
        return shared;
    }

    /**
     * Cancels a request that is not closed yet. A shared one is cancelled through its process (message
     * {@value EvidenceProcess#CANCEL_MESSAGE}), which ends its open tasks and timers.
     */
    @Transactional
    public EvidenceRequest cancel(UUID id, String reason, AuthenticatedUser user) {
        EvidenceAccess.Scoped scoped = access.manage(id, user);
        EvidenceStatus status = requests.lock(id).orElseThrow();
        if (status.isFinal()) {
            throw new ConflictException("%s is %s already.".formatted(scoped.request().reference(),
                    status.name().toLowerCase()));
        }
        if (status == EvidenceStatus.DRAFT) {
            requests.cancelUnlessFinal(id, clock.instant());
        } else {
            runtimeService.createMessageCorrelation(EvidenceProcess.CANCEL_MESSAGE)
                    .processInstanceId(scoped.request().processInstanceId())
                    .correlateWithResult();
        }
        thread.add(id, ThreadEntry.Kind.CANCELLED, user.getUsername(), reason, clock.instant());
        return requests.find(id).orElseThrow();
    }

    public PageOf<EvidenceRequest> list(UUID engagementId, AuthenticatedUser user, PageRequest page) {
        access.engagement(engagementId, user);
        boolean sharedOnly = user.isClient();
        return new PageOf<>(requests.findByEngagement(engagementId, sharedOnly, page.size(), page.page() * page.size()),
                requests.countByEngagement(engagementId, sharedOnly), page.page(), page.size());
    }

    /**
     * The requests of an engagement the person may upload to now: the bulk upload page's rows. Refused (not an
     * empty page) to staff who never add evidence to this engagement, such as its reviewer.
     */
    public List<EvidenceRequest> uploadable(UUID engagementId, AuthenticatedUser user) {
        Engagement engagement = access.engagement(engagementId, user);
        if (!user.isClient() && !access.mayManage(engagement, user)) {
            throw new ForbiddenException("Only the client and the engagement's auditors and managers add evidence.");
        }
        return requests.findByEngagement(engagementId, user.isClient(), PageRequest.MAX_SIZE, 0).stream()
                .filter(request -> access.mayUpload(new EvidenceAccess.Scoped(request, engagement), user))
                .toList();
    }

    public EvidenceRequest get(UUID id, AuthenticatedUser user) {
        return access.view(id, user).request();
    }

    public EvidenceRequestView view(UUID id, AuthenticatedUser user) {
        EvidenceRequest request = access.view(id, user).request();
        return new EvidenceRequestView(request, files.of(id), thread.of(id));
    }

    public boolean mayManage(EvidenceRequest request, AuthenticatedUser user) {
        return access.mayManage(access.view(request.id(), user).engagement(), user);
    }

    public boolean mayUpload(EvidenceRequest request, AuthenticatedUser user) {
        return access.mayUpload(access.view(request.id(), user), user);
    }

    public boolean mayManageRequestsOf(UUID engagementId, AuthenticatedUser user) {
        return access.mayManage(access.engagement(engagementId, user), user);
    }

    @Transactional
    public ThreadEntry comment(UUID id, String text, AuthenticatedUser user) {
        access.view(id, user);
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("Write a comment first.", Map.of("text", "Write a comment first."));
        }
        if (text.strip().length() > 4000) {
            throw new InvalidInputException("A comment has at most 4000 characters.",
                    Map.of("text", "A comment has at most 4000 characters."));
        }
        return thread.add(id, ThreadEntry.Kind.COMMENT, user.getUsername(), text, clock.instant());
    }
}
