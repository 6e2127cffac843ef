package org.auditmanager.evidence;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.auditmanager.catalog.Catalog;
import org.auditmanager.catalog.CatalogItem;
import org.auditmanager.catalog.ItemKind;
import org.auditmanager.common.ConflictException;
import org.auditmanager.common.ForbiddenException;
import org.auditmanager.common.NotFoundException;
import org.auditmanager.engagement.Engagements;
import org.auditmanager.security.AuthenticatedUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evidence accepted in one engagement offered to another of the same organisation (an ISO certification and a
 * SOC 2 examination ask for much the same evidence). A request is offered the accepted versions of the
 * organisation's other engagements whose requests are linked to the same controls or to controls the
 * catalogue maps to its own, in either direction. Reusing one adds a version that points at the same stored
 * content, so the bytes stay stored once; like an upload it is not a submission: the client still hands the
 * evidence over and the auditor still reviews it.
 */
@Service
public class EvidenceReuse {

    private final EvidenceAccess access;
    private final EvidenceReuseRepository reuse;
    private final EvidenceRequestRepository requests;
    private final EvidenceFileRepository files;
    private final EvidenceThreadRepository thread;
    private final Engagements engagements;
    private final Catalog catalog;
    private final Clock clock;

    EvidenceReuse(EvidenceAccess access, EvidenceReuseRepository reuse, EvidenceRequestRepository requests,
                  EvidenceFileRepository files, EvidenceThreadRepository thread, Engagements engagements,
                  Catalog catalog, Clock clock) {
        this.access = access;
        this.reuse = reuse;
        this.requests = requests;
        this.files = files;
        this.thread = thread;
        this.engagements = engagements;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** Nothing for a draft or a closed request: only a request still collecting evidence can use any. */
    public List<ReuseCandidate> candidates(UUID requestId, AuthenticatedUser user) {
        EvidenceAccess.Scoped scoped = access.view(requestId, user);
        EvidenceRequest request = scoped.request();
        if (!request.isShared() || request.status().isFinal()) {
            return List.of();
        }
        return reuse.acceptedFor(scoped.engagement().organisationId(), request.engagementId(),
                        equivalentControls(request.controlIds())).stream()
                .filter(accepted -> engagements.isVisible(accepted.engagementId(), user))
                .map(this::candidate)
                .toList();
    }

    /** Adds the accepted version as the request's next version and notes in the thread where it came from. */
    @Transactional
    public EvidenceFile reuse(UUID requestId, UUID versionId, AuthenticatedUser user) {
        EvidenceAccess.Scoped scoped = access.view(requestId, user);
        if (versionId == null || candidates(requestId, user).stream()
                .noneMatch(candidate -> candidate.versionId().equals(versionId))) {
            throw new NotFoundException("Reusable evidence");
        }
        EvidenceStatus status = requests.lock(requestId).orElseThrow();
        if (!access.mayUpload(new EvidenceAccess.Scoped(scoped.request().withStatus(status), scoped.engagement()),
                user)) {
            if (user.isClient()) {
                throw new ConflictException("The evidence for %s is with the auditor for review; you can add files "
                        .formatted(scoped.request().reference()) + "again if it is sent back.");
            }
            throw new ForbiddenException("Only the client and the engagement's auditors can add evidence to "
                    + scoped.request().reference() + ".");
        }
        EvidenceReuseRepository.Accepted source = reuse.find(versionId).orElseThrow();
        EvidenceFile sourceFile = files.find(source.requestId(), versionId).orElseThrow();
        EvidenceFile reused = files.insertReusedVersion(requestId, sourceFile, user.getUsername(), clock.instant());
        thread.add(requestId, ThreadEntry.Kind.REUSED, user.getUsername(),
                "%s (version %d) accepted for %s %s \"%s\"".formatted(sourceFile.filename(), sourceFile.version(),
                        source.engagementReference(), source.requestReference(), source.requestTitle()),
                clock.instant());
        return reused;
    }

    /** The request's own controls and every control the catalogue maps them to or from. */
    private Set<String> equivalentControls(List<String> controlIds) {
        Set<String> equivalent = new LinkedHashSet<>(controlIds);
        for (String id : controlIds) {
            catalog.find(id).ifPresent(item -> {
                List<CatalogItem> mapped = item.kind() == ItemKind.TSC_CRITERION ? catalog.mappedIsoControls(id)
                        : catalog.mappedCriteria(id);
                mapped.stream().filter(other -> other != null).map(CatalogItem::id).forEach(equivalent::add);
            });
        }
        return equivalent;
    }

    private ReuseCandidate candidate(EvidenceReuseRepository.Accepted accepted) {
        EvidenceFile file = files.find(accepted.requestId(), accepted.versionId()).orElseThrow();
        List<String> controls = requests.find(accepted.requestId()).map(EvidenceRequest::controlIds)
                .orElse(List.of());
        return new ReuseCandidate(file.versionId(), file.version(), file.filename(), file.contentType(), file.size(),
                file.sha256(), file.evidenceDate(), file.uploadedAt(), accepted.requestId(),
                accepted.requestReference(), accepted.requestTitle(), controls, accepted.engagementId(),
                accepted.engagementReference());
    }
}
