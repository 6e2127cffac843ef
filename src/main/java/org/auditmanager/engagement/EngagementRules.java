package org.auditmanager.engagement;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.auditmanager.common.InvalidInputException;
import org.auditmanager.security.Role;
import org.auditmanager.security.UserAccount;
import org.auditmanager.security.UserAccounts;
import org.springframework.stereotype.Component;

/**
 * Cross-field rules for a new engagement: the kind fits the framework, the framework's own fields are there,
 * the team holds the right roles and the decision maker or quality reviewer is independent of it.
 */
@Component
class EngagementRules {

    static final Set<String> TSC_CATEGORIES =
            Set.of("Security", "Availability", "Confidentiality", "Processing Integrity", "Privacy");

    private final UserAccounts users;
    private final Soc2PeriodPolicy periodPolicy;

    EngagementRules(UserAccounts users, Soc2PeriodPolicy periodPolicy) {
        this.users = users;
        this.periodPolicy = periodPolicy;
    }

    void check(NewEngagement request) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (!request.kind().belongsTo(request.framework())) {
            errors.put("kind", "%s is not a kind of %s engagement.".formatted(request.kind(), request.framework()));
        }
        checkTeam(request, errors);
        if (request.framework() == Framework.SOC2) {
            checkSoc2(request, errors);
        } else {
            checkIso(request, errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors.values().iterator().next(), errors);
        }
    }

    private void checkTeam(NewEngagement request, Map<String, String> errors) {
        requireRole(request.leadAuditor(), Role.AUDITOR, "leadAuditor", errors);
        Set<String> team = new HashSet<>(request.auditTeamOrEmpty());
        team.forEach(member -> requireRole(member, Role.AUDITOR, "auditTeam", errors));
        team.add(request.leadAuditor());
        if (request.decisionMaker() != null && !request.decisionMaker().isBlank()) {
            requireRole(request.decisionMaker(), Role.REVIEWER, "decisionMaker", errors);
            if (team.contains(request.decisionMaker())) {
                errors.put("decisionMaker", "The certification decision maker must not be on the audit team "
                        + "(ISO/IEC 17021-1, 9.5.1.2).");
            }
        }
        if (request.qualityReviewer() != null && !request.qualityReviewer().isBlank()) {
            requireRole(request.qualityReviewer(), Role.REVIEWER, "qualityReviewer", errors);
            if (team.contains(request.qualityReviewer())) {
                errors.put("qualityReviewer", "The engagement quality reviewer must not be on the engagement team.");
            }
        }
    }

    private void requireRole(String username, Role role, String field, Map<String, String> errors) {
        boolean holdsRole = users.find(username).filter(UserAccount::enabled)
                .map(account -> account.roles().contains(role)).orElse(false);
        if (!holdsRole) {
            errors.putIfAbsent(field, "'%s' is not an active user with the %s role.".formatted(username, role));
        }
    }

    private void checkSoc2(NewEngagement request, Map<String, String> errors) {
        Set<String> categories = request.tscCategoriesOrEmpty();
        if (!categories.isEmpty() && !categories.contains("Security")) {
            errors.put("tscCategories", "Security (the common criteria) is always in scope of a SOC 2 examination.");
        }
        categories.stream().filter(category -> !TSC_CATEGORIES.contains(category)).findFirst()
                .ifPresent(unknown -> errors.put("tscCategories", "Unknown trust services category '%s'; use %s."
                        .formatted(unknown, String.join(", ", TSC_CATEGORIES.stream().sorted().toList()))));
        if (request.kind() == EngagementKind.TYPE_I) {
            if (request.asOfDate() == null) {
                errors.put("asOfDate", "A Type I report needs the as-of date its description speaks of.");
            }
            if (request.periodStart() != null || request.periodEnd() != null) {
                errors.put("periodStart", "A Type I report is as of a date and has no observation period.");
            }
        } else if (request.kind() == EngagementKind.TYPE_II) {
            if (request.periodStart() == null || request.periodEnd() == null) {
                errors.put("periodStart", "A Type II report needs the start and end of its observation period.");
            } else {
                periodPolicy.violation(request.periodStart(), request.periodEnd())
                        .ifPresent(rule -> errors.put("periodEnd", rule));
            }
        }
    }

    private void checkIso(NewEngagement request, Map<String, String> errors) {
        if (request.asOfDate() != null || request.periodStart() != null || request.periodEnd() != null
                || !request.tscCategoriesOrEmpty().isEmpty()) {
            errors.put("framework", "As-of dates, observation periods and trust services categories belong to "
                    + "SOC 2 engagements, not to an ISO/IEC 27001 certification cycle.");
        }
    }
}
