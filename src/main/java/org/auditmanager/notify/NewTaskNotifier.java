package org.auditmanager.notify;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.auditmanager.engagement.Engagement;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.spring.boot.starter.event.TaskEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells people about a new task once the transaction that created it has committed (the engine's Spring event
 * bridge publishes every task event): a rolled-back task is never announced. The reminder scan retries the
 * notices of the last day that could not be sent.
 */
@Component
class NewTaskNotifier {

    private static final String CREATE = "create";

    private final TaskService taskService;
    private final TaskEngagementLookup lookup;
    private final Recipients recipients;
    private final Notices notices;
    private final Notifier notifier;
    private final Clock clock;

    NewTaskNotifier(TaskService taskService, TaskEngagementLookup lookup, Recipients recipients, Notices notices,
                    Notifier notifier, Clock clock) {
        this.taskService = taskService;
        this.lookup = lookup;
        this.recipients = recipients;
        this.notices = notices;
        this.notifier = notifier;
        this.clock = clock;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void onTaskEvent(TaskEvent event) {
        if (!CREATE.equals(event.getEventName()) || !notifier.enabled()) {
            return;
        }
        Task task = taskService.createTaskQuery().taskId(event.getId()).singleResult();
        if (task != null) {
            Map<String, Engagement> engagement = lookup.of(List.of(task));
            if (engagement.containsKey(task.getId())) {
                announce(task, engagement.get(task.getId()));
            }
        }
    }

    /** Sends the new-task notice to everyone the task is for who has not had it yet; returns how many were sent. */
    int announce(Task task, Engagement engagement) {
        LocalDate due = task.getDueDate() == null ? null
                : task.getDueDate().toInstant().atZone(clock.getZone()).toLocalDate();
        // recorded under the due date, or under the creation day for a task without one
        LocalDate occasion = due != null ? due : task.getCreateTime().toInstant().atZone(clock.getZone()).toLocalDate();
        int sent = 0;
        for (Recipients.Recipient to : recipients.forTask(task, engagement)) {
            if (notifier.send(notices.newTask(to, task, engagement, occasion, due))) {
                sent++;
            }
        }
        return sent;
    }
}
