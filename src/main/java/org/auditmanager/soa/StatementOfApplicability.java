package org.auditmanager.soa;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The Statement of Applicability of an ISO engagement as the caller sees it: the latest version with its
 * decisions, every version made so far, and what the caller may do next.
 *
 * @param controlCount the Annex A controls that need a decision
 * @param current the latest version; null before the first draft is saved
 * @param entries the decisions of the latest version, in Annex A order (undecided controls are absent)
 * @param approvedVersion the last approved version, which other features use; null before the first approval
 */
public record StatementOfApplicability(
        UUID engagementId,
        String engagementReference,
        String catalogVersion,
        int controlCount,
        SoaVersion current,
        List<SoaEntry> entries,
        Integer approvedVersion,
        List<SoaVersion> versions,
        Set<SoaAction> allowedActions) {
}
