package org.auditmanager.evidence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.util.Date;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The dates of the evidence-request process, all derived from the request's due date in our table, for the
 * BPMN's expressions: {@code ${evidenceDeadlines.dueAt(execution)}}. A request is due at the end of its due
 * day; reminders go out at the start of the day the configured lead time before it (14 and 3 days by default,
 * README "reminder before a due date").
 */
@Component("evidenceDeadlines")
public class EvidenceDeadlines {

    /** A reminder too close to the moment the request reached the client would only repeat the request. */
    static final Duration REMINDER_QUIET_TIME = Duration.ofDays(1);

    enum Reminder {
        FIRST,
        FINAL
    }

    private final EvidenceRequestRepository requests;
    private final EvidenceProperties properties;
    private final TaskService taskService;
    private final Clock clock;

    EvidenceDeadlines(EvidenceRequestRepository requests, EvidenceProperties properties, TaskService taskService,
                      Clock clock) {
        this.requests = requests;
        this.properties = properties;
        this.taskService = taskService;
        this.clock = clock;
    }

    public Date dueAt(DelegateExecution execution) {
        return Date.from(dueAt(dueDate(execution)));
    }

    public Date firstReminderAt(DelegateExecution execution) {
        return Date.from(reminderAt(dueDate(execution), Reminder.FIRST));
    }

    public Date finalReminderAt(DelegateExecution execution) {
        return Date.from(reminderAt(dueDate(execution), Reminder.FINAL));
    }

    /**
     * Whether a reminder that has just fired is worth sending: only when its date lies at least
     * {@link #REMINDER_QUIET_TIME} after the client's current turn began. A request shared (or rejected) ten
     * days before its due date would otherwise get its 14-day reminder at once.
     */
    public boolean isReminderUseful(DelegateExecution execution, String reminder) {
        Task provide = taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(EvidenceProcess.PROVIDE_EVIDENCE).singleResult();
        Instant turnBegan = provide.getCreateTime().toInstant();
        return !reminderAt(dueDate(execution), Reminder.valueOf(reminder)).isBefore(turnBegan.plus(REMINDER_QUIET_TIME));
    }

    Instant dueAt(LocalDate dueDate) {
        return dueDate.atTime(LocalTime.MAX).atZone(clock.getZone()).toInstant();
    }

    Instant reminderAt(LocalDate dueDate, Reminder reminder) {
        Period lead = reminder == Reminder.FIRST ? properties.firstReminder() : properties.finalReminder();
        return dueDate.minus(lead).atStartOfDay(clock.getZone()).toInstant();
    }

    private LocalDate dueDate(DelegateExecution execution) {
        return requests.find(EvidenceProcess.requestId(execution))
                .orElseThrow(() -> new IllegalStateException("no evidence request for process "
                        + execution.getProcessInstanceId()))
                .dueDate();
    }
}
