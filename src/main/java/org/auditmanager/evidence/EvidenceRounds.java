package org.auditmanager.evidence;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.auditmanager.common.NotFoundException;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.engagement.Engagements;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evidence rounds: one audit's evidence collection, opened and closed by the audit's process (ISO/IEC 27001:
 * {@code iso27001-audit}). While a round is open, the requests generated or drafted for the engagement belong to
 * it; the audit checks them before its fieldwork. The round's id is the caller's (the audit's id).
 */
@Service
public class EvidenceRounds {

    private final EvidenceRoundRepository rounds;
    private final EvidenceRequestRepository requests;
    private final EvidenceRequestGenerator generator;
    private final Engagements engagements;
    private final Clock clock;

    EvidenceRounds(EvidenceRoundRepository rounds, EvidenceRequestRepository requests,
                   EvidenceRequestGenerator generator, Engagements engagements, Clock clock) {
        this.rounds = rounds;
        this.requests = requests;
        this.generator = generator;
        this.engagements = engagements;
        this.clock = clock;
    }

    /**
     * Opens the round (closing one an earlier audit left open) and drafts its requests from the engagement's scope
     * (ISO: the applicable controls of the approved Statement of Applicability; none before it is approved).
     * Opening the same round again adds only what it does not ask for yet.
     *
     * @param createdBy the user the drafts are recorded as created by (the lead auditor)
     * @return how many drafts were added
     */
    @Transactional
    public int open(UUID roundId, UUID engagementId, String label, String createdBy) {
        Engagement engagement = engagements.find(engagementId).orElseThrow(() -> new NotFoundException("Engagement"));
        rounds.closeOthers(engagementId, roundId, clock.instant());
        rounds.open(roundId, engagementId, label, clock.instant());
        return generator.generateForRound(engagement, roundId, createdBy);
    }

    /** The references ({@code PBC-004}) of the round's requests that are shared and not closed yet. */
    public List<String> stillOpen(UUID roundId) {
        return requests.openInRound(roundId).stream().map(EvidenceRequest::reference).toList();
    }

    /**
     * Ends the round: requests drafted from now on belong to no audit. Its open requests stay open; the client can
     * still provide evidence and the auditor still reviews it.
     *
     * @param note why the audit went on while requests were open, if any were
     */
    @Transactional
    public void close(UUID roundId, @Nullable String note) {
        rounds.close(roundId, note, clock.instant());
    }
}
