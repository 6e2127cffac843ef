package org.auditmanager.iso;

import java.time.LocalDate;
import java.util.List;

/** When to remind the people responsible for a due date, earliest first, and when to escalate it as overdue. */
public record Reminders(LocalDate due, List<LocalDate> remindOn, LocalDate escalateOn) {

    public Reminders {
        remindOn = List.copyOf(remindOn);
    }
}
