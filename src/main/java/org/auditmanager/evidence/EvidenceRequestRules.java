package org.auditmanager.evidence;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.auditmanager.common.InvalidInputException;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.engagement.EngagementKind;
import org.auditmanager.security.Role;
import org.auditmanager.security.UserAccounts;
import org.springframework.stereotype.Component;

/**
 * What a request must satisfy beyond its field limits: a due date not in the past, either a period or an as-of
 * date (reference.md F.2: each item names the period or date range), a Type II request's period inside the
 * observation period (F.3: Type II evidence must come from inside the examination period), an owner from the
 * audited organisation, and control ids that look like ids.
 */
@Component
class EvidenceRequestRules {

    /** Annex A controls (A.5.15), ISO clauses (9.2) and trust services criteria (CC6.1, PI1.3). */
    private static final Pattern CONTROL_ID = Pattern.compile("^[A-Z0-9]+(\\.[A-Z0-9]+)*$");

    private final UserAccounts users;

    EvidenceRequestRules(UserAccounts users) {
        this.users = users;
    }

    /** The request with its control ids in canonical form; throws with every broken rule otherwise. */
    NewEvidenceRequest check(Engagement engagement, NewEvidenceRequest request, LocalDate today) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> controls = request.controlIdsOrEmpty().stream()
                .map(id -> id.strip().toUpperCase(Locale.ROOT)).filter(id -> !id.isEmpty()).distinct().toList();
        controls.stream().filter(id -> !CONTROL_ID.matcher(id).matches()).findFirst().ifPresent(id ->
                errors.put("controlIds", "'%s' is not a control id such as A.5.15 or CC6.1.".formatted(id)));
        if (request.dueDate() != null && request.dueDate().isBefore(today)) {
            errors.put("dueDate", "The due date cannot be in the past.");
        }
        checkCoverage(engagement, request, errors);
        if (request.hasOwner()) {
            checkOwner(engagement, request.owner().strip(), errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors.values().iterator().next(), errors);
        }
        return new NewEvidenceRequest(request.title(), request.description(), controls, request.owner(),
                request.dueDate(), request.periodStart(), request.periodEnd(), request.asOfDate());
    }

    private static void checkCoverage(Engagement engagement, NewEvidenceRequest request, Map<String, String> errors) {
        boolean period = request.periodStart() != null || request.periodEnd() != null;
        if (period == (request.asOfDate() != null)) {
            errors.put("periodStart", "Give either the period the evidence must cover or the date it must show, "
                    + "not both and not neither.");
            return;
        }
        if (!period) {
            return;
        }
        if (request.periodStart() == null || request.periodEnd() == null) {
            errors.put("periodEnd", "A period needs both its first and its last day.");
        } else if (request.periodEnd().isBefore(request.periodStart())) {
            errors.put("periodEnd", "The period must not end before it starts.");
        } else if (engagement.kind() == EngagementKind.TYPE_II
                && (request.periodStart().isBefore(engagement.periodStart())
                || request.periodEnd().isAfter(engagement.periodEnd()))) {
            errors.put("periodStart", "Type II evidence must come from the observation period %s to %s."
                    .formatted(engagement.periodStart(), engagement.periodEnd()));
        }
    }

    private void checkOwner(Engagement engagement, String owner, Map<String, String> errors) {
        boolean clientOfOrganisation = users.find(owner)
                .filter(account -> account.enabled() && account.roles().contains(Role.CLIENT))
                .map(account -> engagement.organisationId().equals(account.organisationId()))
                .orElse(false);
        if (!clientOfOrganisation) {
            errors.put("owner", "'%s' is not an active client user of %s.".formatted(owner,
                    engagement.organisationName()));
        }
    }
}
