package org.auditmanager.soc2;

import java.util.List;
import java.util.SortedSet;

/**
 * The opinion the results point to, for the engagement partner to decide on; never the decision itself.
 *
 * @param ineffectiveControls     controls whose deviation rate exceeds the tolerable rate
 * @param criteriaNotMet          in-scope criteria the ineffective controls stop being met
 * @param criteriaWithoutEvidence in-scope criteria without sufficient evidence and not already not met
 * @param reason                  why this opinion, in words
 */
public record OpinionProposal(Opinion opinion, List<String> ineffectiveControls, SortedSet<String> criteriaNotMet,
                              SortedSet<String> criteriaWithoutEvidence, String reason) {
}
