package org.auditmanager.iso;

import java.util.UUID;
import org.auditmanager.common.ForbiddenException;
import org.auditmanager.security.Role;
import org.auditmanager.security.UserAccount;
import org.auditmanager.security.UserAccounts;
import org.springframework.stereotype.Component;

/**
 * Who may take a certification decision (reference.md A.5, ISO/IEC 17021-1 9.5.1.2 ◐): a reviewer who took no part
 * in the audit, neither on the engagement's audit team nor on the team of any of its audits. Enforced when a
 * decision task completes, whatever page or API completes it.
 */
@Component
class DecisionImpartiality {

    private final IsoRecords records;
    private final UserAccounts users;

    DecisionImpartiality(IsoRecords records, UserAccounts users) {
        this.records = records;
        this.users = users;
    }

    void check(UUID engagementId, String username) {
        UserAccount account = users.find(username).filter(UserAccount::enabled).orElse(null);
        String name = account == null ? username : account.displayName();
        if (account == null || !account.roles().contains(Role.REVIEWER)) {
            throw new ForbiddenException(("%s is not a reviewer; certification decisions are taken by a reviewer "
                    + "who did not take part in the audit (ISO/IEC 17021-1, 9.5.1.2).").formatted(name));
        }
        if (records.auditors(engagementId).contains(username)) {
            throw new ForbiddenException(("%s was on the audit team of this engagement; certification decisions "
                    + "are taken by someone who did not take part in the audit (ISO/IEC 17021-1, 9.5.1.2).")
                    .formatted(name));
        }
    }
}
