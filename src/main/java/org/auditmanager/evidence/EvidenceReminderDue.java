package org.auditmanager.evidence;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The client should be reminded of a request due soon; published inside the process transaction after the
 * reminder is recorded in the request's thread, for whatever sends messages to people.
 *
 * @param owner the client user the request names, or null when it is for the whole organisation
 */
public record EvidenceReminderDue(UUID requestId, UUID engagementId, String reference, String title, String owner,
                                  LocalDate dueDate) {
}
