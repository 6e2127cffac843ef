package org.auditmanager.accessreview;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.auditmanager.common.InvalidInputException;
import org.auditmanager.common.NotFoundException;
import org.auditmanager.common.PageRequest;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.engagement.Engagements;
import org.auditmanager.engagement.TeamRole;
import org.auditmanager.security.AuthenticatedUser;
import org.auditmanager.security.NewUser;
import org.auditmanager.security.Role;
import org.auditmanager.security.UserAccount;
import org.auditmanager.security.UserAccounts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts for auditors from outside the firm: created by a manager for one engagement they may see, with
 * the days the person may sign in; revoked at once by a manager. The person joins the engagement's team as
 * an auditor, so every rule that follows membership (pages, API, engine) follows for them too.
 */
@Service
public class ExternalAuditors {

    private final UserAccounts users;
    private final Engagements engagements;
    private final EngagementEngineGrants engineGrants;
    private final Clock clock;

    ExternalAuditors(UserAccounts users, Engagements engagements, EngagementEngineGrants engineGrants, Clock clock) {
        this.users = users;
        this.engagements = engagements;
        this.engineGrants = engineGrants;
        this.clock = clock;
    }

    @Transactional
    public ExternalAuditor create(NewExternalAuditor request, AuthenticatedUser manager) {
        Engagement engagement = engagements.get(request.engagementId(), manager);
        Map<String, String> errors = new LinkedHashMap<>();
        if (request.accessUntil().isBefore(request.accessFrom())) {
            errors.put("accessUntil", "The access must end on or after the day it starts.");
        } else if (request.accessUntil().isBefore(LocalDate.now(clock))) {
            errors.put("accessUntil", "The access would already have ended; choose a last day from today on.");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors.values().iterator().next(), errors);
        }
        users.createExternal(new NewUser(request.username(), request.displayName().strip(), request.email(),
                request.password(), Set.of(Role.AUDITOR), null), request.accessFrom(), request.accessUntil());
        engagements.addMember(engagement.id(), request.username(), TeamRole.AUDITOR, manager);
        return find(request.username(), manager);
    }

    /** Ends the person's access now: their next request is refused, and the engine forgets them. */
    @Transactional
    public void revoke(String username, AuthenticatedUser manager) {
        find(username, manager);
        users.revoke(username, manager);
        engineGrants.revokeAll(username);
    }

    /** The external auditors of the engagements the manager may see. */
    public List<ExternalAuditor> visibleTo(AuthenticatedUser manager) {
        return users.findAll().stream().filter(UserAccount::external)
                .map(account -> describe(account, manager))
                .filter(external -> !external.engagements().isEmpty())
                .toList();
    }

    /** One external auditor of an engagement the manager may see; otherwise 404, like anything unknown. */
    public ExternalAuditor find(String username, AuthenticatedUser manager) {
        return users.find(username).filter(UserAccount::external)
                .map(account -> describe(account, manager))
                .filter(external -> !external.engagements().isEmpty())
                .orElseThrow(() -> new NotFoundException("External auditor"));
    }

    private ExternalAuditor describe(UserAccount account, AuthenticatedUser manager) {
        AuthenticatedUser external = users.principal(account.username()).orElseThrow();
        List<String> theirs = engagements.visibleTo(external, 0, PageRequest.MAX_SIZE).stream()
                .filter(engagement -> engagements.isVisible(engagement.id(), manager))
                .map(Engagement::reference).toList();
        return new ExternalAuditor(account.username(), account.displayName(), account.email(), theirs,
                account.accessFrom(), account.accessUntil(), users.stateOf(account));
    }
}
