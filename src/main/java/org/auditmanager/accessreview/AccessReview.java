package org.auditmanager.accessreview;

import java.util.List;
import org.auditmanager.common.PageOf;
import org.auditmanager.common.PageRequest;
import org.auditmanager.engagement.Engagements;
import org.auditmanager.organisation.Organisation;
import org.auditmanager.organisation.Organisations;
import org.auditmanager.security.AccountState;
import org.auditmanager.security.AuthenticatedUser;
import org.auditmanager.security.UserAccount;
import org.auditmanager.security.UserAccounts;
import org.springframework.stereotype.Service;

/**
 * Every account with the organisations and engagements it can reach, computed by the same services that
 * decide every request ({@link Engagements#visibleReferences}, {@link Organisations#visibleTo}), never by a
 * copy of their rules.
 */
@Service
public class AccessReview {

    private final UserAccounts users;
    private final Engagements engagements;
    private final Organisations organisations;

    AccessReview(UserAccounts users, Engagements engagements, Organisations organisations) {
        this.users = users;
        this.engagements = engagements;
        this.organisations = organisations;
    }

    public List<AccessReviewEntry> entries() {
        return users.findAll().stream().map(this::entry).toList();
    }

    /** One page of {@link #entries()}: only the accounts of the page are worked out. */
    public PageOf<AccessReviewEntry> entries(PageRequest page) {
        PageOf<UserAccount> accounts = PageOf.of(users.findAll(), page);
        return new PageOf<>(accounts.items().stream().map(this::entry).toList(), accounts.total(), accounts.page(),
                accounts.size());
    }

    private AccessReviewEntry entry(UserAccount account) {
        AccountState state = users.stateOf(account);
        AuthenticatedUser principal = users.principal(account.username()).orElseThrow();
        boolean reaches = state.active();
        List<String> organisationNames = reaches
                ? organisations.visibleTo(principal).stream().map(Organisation::name).sorted().toList() : List.of();
        List<String> references = reaches
                ? engagements.visibleReferences(principal).stream().sorted().toList() : List.of();
        return new AccessReviewEntry(account.username(), account.displayName(),
                account.roles().stream().sorted().toList(), state, account.external(), account.accessFrom(),
                account.accessUntil(), organisationNames, references, account.lastLoginAt());
    }
}
