package org.auditmanager.security;

import java.time.LocalDate;
import java.time.ZoneId;

/** Whether an account may sign in on a given day and, if not, why and since (or until) which day. */
public record AccountState(Status status, LocalDate date) {

    public enum Status {
        ACTIVE,
        DISABLED,
        /** withdrawn by a manager or an admin; {@code date} is the day it happened */
        REVOKED,
        /** an external account before its first day; {@code date} is that day */
        NOT_YET_STARTED,
        /** an external account after its last day; {@code date} is that day */
        ENDED
    }

    static AccountState of(UserAccount account, LocalDate today, ZoneId zone) {
        if (account.revokedAt() != null) {
            return new AccountState(Status.REVOKED, LocalDate.ofInstant(account.revokedAt(), zone));
        }
        if (!account.enabled()) {
            return new AccountState(Status.DISABLED, null);
        }
        if (account.external() && account.accessFrom() != null && today.isBefore(account.accessFrom())) {
            return new AccountState(Status.NOT_YET_STARTED, account.accessFrom());
        }
        if (account.external() && account.accessUntil() != null && today.isAfter(account.accessUntil())) {
            return new AccountState(Status.ENDED, account.accessUntil());
        }
        return new AccountState(Status.ACTIVE, null);
    }

    public boolean active() {
        return status == Status.ACTIVE;
    }
}
