package org.auditmanager.evidence;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.auditmanager.catalog.Catalog;
import org.auditmanager.catalog.CatalogItem;
import org.auditmanager.common.ConflictException;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.engagement.Framework;
import org.auditmanager.security.AuthenticatedUser;
import org.auditmanager.soa.StatementsOfApplicability;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Drafts an engagement's PBC list from its scope: one request per applicable Annex A control of the approved
 * Statement of Applicability (ISO), or per criterion of the in-scope trust services categories (SOC 2). Controls
 * that already have a request (other than a cancelled one) get none, so generating again adds only what is
 * missing. The drafts are a starting point the auditor edits before sharing.
 */
@Service
public class EvidenceRequestGenerator {

    /** Time the client gets for a generated request; the auditor changes it per request before sharing. */
    static final int DAYS_TO_RESPOND = 28;

    private final EvidenceAccess access;
    private final EvidenceRequestRepository requests;
    private final StatementsOfApplicability statements;
    private final Catalog catalog;
    private final EvidenceRoundRepository rounds;
    private final Clock clock;

    EvidenceRequestGenerator(EvidenceAccess access, EvidenceRequestRepository requests,
                             StatementsOfApplicability statements, Catalog catalog, EvidenceRoundRepository rounds,
                             Clock clock) {
        this.access = access;
        this.requests = requests;
        this.rounds = rounds;
        this.statements = statements;
        this.catalog = catalog;
        this.clock = clock;
    }

    /**
     * Adds the missing drafts and answers how many were added. While an audit collects evidence (an open
     * {@link EvidenceRounds evidence round}), the drafts belong to that audit and only its own requests count as
     * existing: a surveillance audit asks again for what an earlier audit received.
     */
    @Transactional
    public int generate(UUID engagementId, AuthenticatedUser user) {
        Engagement engagement = access.engagement(engagementId, user);
        access.requireManage(engagement, user);
        return generate(engagement, controlsInScope(engagement), rounds.openRoundOf(engagementId).orElse(null),
                user.getUsername());
    }

    /**
     * The drafts of an evidence round a process opened: none for an ISO engagement whose Statement of
     * Applicability is not approved yet (a Stage 1 audit may come first; the auditor drafts by hand then).
     */
    int generateForRound(Engagement engagement, UUID roundId, String createdBy) {
        if (engagement.framework() == Framework.ISO27001
                && statements.approvedApplicableControls(engagement.id()).isEmpty()) {
            return 0;
        }
        return generate(engagement, controlsInScope(engagement), roundId, createdBy);
    }

    private int generate(Engagement engagement, List<CatalogItem> controls, @Nullable UUID roundId,
                         String createdBy) {
        UUID engagementId = engagement.id();
        Set<String> requested = new HashSet<>(roundId == null ? requests.controlsRequested(engagementId)
                : requests.controlsRequestedInRound(roundId));
        LocalDate today = LocalDate.now(clock);
        Instant now = clock.instant();
        int number = requests.nextNumber(engagementId);
        int added = 0;
        for (CatalogItem control : controls) {
            if (!requested.add(control.id())) {
                continue;
            }
            try {
                requests.insert(UUID.randomUUID(), engagementId, roundId, number++,
                        draft(engagement, control, today), createdBy, now);
            } catch (DuplicateKeyException sameNumberTakenMeanwhile) {
                throw new ConflictException("Someone added a request to this list at the same moment; generate again.");
            }
            added++;
        }
        return added;
    }

    private List<CatalogItem> controlsInScope(Engagement engagement) {
        if (engagement.framework() == Framework.SOC2) {
            return catalog.criteria(engagement.tscCategories());
        }
        List<String> applicable = statements.approvedApplicableControls(engagement.id()).orElseThrow(() ->
                new ConflictException(("%s has no approved Statement of Applicability yet; the requests follow the "
                        + "controls it declares applicable.").formatted(engagement.reference())));
        return applicable.stream().map(catalog::find).flatMap(Optional::stream).toList();
    }

    private static NewEvidenceRequest draft(Engagement engagement, CatalogItem control, LocalDate today) {
        String title = truncate(control.id() + " " + control.title(), 200);
        String description = "Provide evidence that %s (%s) is in place and operating."
                .formatted(lowerFirst(control.title()), control.id());
        boolean period = engagement.periodStart() != null && engagement.periodEnd() != null;
        LocalDate asOf = engagement.asOfDate() != null ? engagement.asOfDate() : today;
        return new NewEvidenceRequest(title, truncate(description, 4000), List.of(control.id()), null,
                today.plusDays(DAYS_TO_RESPOND), period ? engagement.periodStart() : null,
                period ? engagement.periodEnd() : null, period ? null : asOf);
    }

    /** "Access control" reads "access control" mid-sentence; "ICT readiness" keeps its acronym. */
    private static String lowerFirst(String title) {
        if (title.length() > 1 && Character.isUpperCase(title.charAt(0)) && Character.isLowerCase(title.charAt(1))) {
            return Character.toLowerCase(title.charAt(0)) + title.substring(1);
        }
        return title;
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
