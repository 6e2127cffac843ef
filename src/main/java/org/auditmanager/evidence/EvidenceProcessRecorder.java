package org.auditmanager.evidence;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Writes the process's steps into the request's thread, whichever way the task was completed (the request page,
 * the task page, the API, a bulk action): {@code ${evidenceThread.reviewed(task)}}. The author is the task's
 * assignee: completing a task claims it first.
 */
@Component("evidenceThread")
public class EvidenceProcessRecorder {

    private final EvidenceRequestRepository requests;
    private final EvidenceThreadRepository thread;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EvidenceProcessRecorder(EvidenceRequestRepository requests, EvidenceThreadRepository thread,
                            ApplicationEventPublisher events, Clock clock) {
        this.requests = requests;
        this.thread = thread;
        this.events = events;
        this.clock = clock;
    }

    /** The client handed the evidence over for review, with an optional note. */
    public void submitted(DelegateTask task) {
        thread.add(EvidenceProcess.requestId(task), ThreadEntry.Kind.SUBMITTED, task.getAssignee(),
                (String) task.getVariable(EvidenceProcess.CLIENT_NOTE), clock.instant());
    }

    /** The auditor's decision with its reason; a rejection's reason is what the client reads next. */
    public void reviewed(DelegateTask task) {
        boolean accepted = EvidenceProcess.ACCEPT.equals(task.getVariable(EvidenceProcess.DECISION));
        thread.add(EvidenceProcess.requestId(task), accepted ? ThreadEntry.Kind.ACCEPTED : ThreadEntry.Kind.REJECTED,
                task.getAssignee(), (String) task.getVariable(EvidenceProcess.REVIEW_REASON), clock.instant());
    }

    /** A reminder timer fired and the reminder is worth sending. */
    public void remind(DelegateExecution execution) {
        UUID requestId = EvidenceProcess.requestId(execution);
        EvidenceRequest request = requests.find(requestId).orElseThrow();
        thread.add(requestId, ThreadEntry.Kind.REMINDER, null, "Reminder: %s is due on %s.".formatted(
                request.reference(), request.dueDate().format(DateTimeFormatter.ISO_LOCAL_DATE)), clock.instant());
        events.publishEvent(new EvidenceReminderDue(requestId, request.engagementId(), request.reference(),
                request.title(), request.owner(), request.dueDate()));
    }
}
