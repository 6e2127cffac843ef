package org.auditmanager.notify;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.notify.Notifier.Notice;
import org.auditmanager.notify.Recipients.Recipient;
import org.auditmanager.timeline.TimelineEntry;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The wording of every notice (messages.properties, {@code notify.mail.*}) and the occasion it is recorded
 * under: kind, subject and due date.
 */
@Component
class Notices {

    static final String NEW_TASK = "NEW_TASK";
    static final String ESCALATION = "ESCALATION";
    static final String DIGEST = "DIGEST";

    /** One line of a digest: an overdue or due-soon item the recipient may see. */
    record DigestLine(String reference, String label, LocalDate due, boolean overdue, String link) {
    }

    private final MessageSource messages;
    private final NotifyProperties properties;

    Notices(MessageSource messages, NotifyProperties properties) {
        this.messages = messages;
        this.properties = properties;
    }

    static String reminderKind(LocalDate remindOn, LocalDate due) {
        return "REMINDER_" + ChronoUnit.DAYS.between(remindOn, due) + "D";
    }

    static String taskSubject(Task task) {
        return "task:" + task.getId();
    }

    static String milestoneSubject(Engagement engagement, TimelineEntry entry) {
        return "milestone:" + engagement.id() + ":" + entry.key();
    }

    Notice newTask(Recipient to, Task task, Engagement engagement, LocalDate occasion, LocalDate due) {
        return notice(to, NEW_TASK, taskSubject(task), occasion, engagement.id(),
                text("newTask.subject", engagement.reference(), task.getName()),
                text("newTask.body", greeting(to), task.getName(), engagement.reference(), engagement.title(),
                        engagement.organisationName(), due == null ? text("noDue") : due.toString(), taskLink(task)));
    }

    Notice taskReminder(Recipient to, Task task, Engagement engagement, LocalDate due, LocalDate today,
                        String kind) {
        return notice(to, kind, taskSubject(task), due, engagement.id(),
                text("reminder.subject", engagement.reference(), task.getName(), due.toString()),
                text("reminder.body", greeting(to), task.getName(), due.toString(),
                        ChronoUnit.DAYS.between(today, due), engagement.reference(), engagement.title(),
                        engagement.organisationName(), taskLink(task)));
    }

    Notice taskEscalation(Recipient to, Task task, Engagement engagement, LocalDate due, String assignee) {
        return notice(to, ESCALATION, taskSubject(task), due, engagement.id(),
                text("escalation.subject", engagement.reference(), task.getName(), due.toString()),
                text("escalation.body", greeting(to), task.getName(), due.toString(), engagement.reference(),
                        engagement.title(), engagement.organisationName(), assignee, taskLink(task)));
    }

    Notice milestoneReminder(Recipient to, TimelineEntry entry, Engagement engagement, LocalDate today,
                             String kind) {
        return notice(to, kind, milestoneSubject(engagement, entry), entry.dueDate(), engagement.id(),
                text("reminder.subject", engagement.reference(), entry.label(), entry.dueDate().toString()),
                text("reminder.body", greeting(to), entry.label(), entry.dueDate().toString(),
                        ChronoUnit.DAYS.between(today, entry.dueDate()), engagement.reference(), engagement.title(),
                        engagement.organisationName(), timelineLink(engagement.id())));
    }

    Notice milestoneEscalation(Recipient to, TimelineEntry entry, Engagement engagement) {
        return notice(to, ESCALATION, milestoneSubject(engagement, entry), entry.dueDate(), engagement.id(),
                text("escalation.subject", engagement.reference(), entry.label(), entry.dueDate().toString()),
                text("escalation.body", greeting(to), entry.label(), entry.dueDate().toString(),
                        engagement.reference(), engagement.title(), engagement.organisationName(),
                        text("milestoneOwner"), timelineLink(engagement.id())));
    }

    Notice digest(Recipient to, List<DigestLine> lines, LocalDate today) {
        long overdue = lines.stream().filter(DigestLine::overdue).count();
        StringBuilder list = new StringBuilder();
        for (DigestLine line : lines) {
            list.append(text(line.overdue() ? "digest.lineOverdue" : "digest.lineDueSoon", line.reference(),
                    line.label(), line.due().toString(), line.link())).append('\n');
        }
        return notice(to, DIGEST, "digest", today, null,
                text("digest.subject", today.toString(), overdue, lines.size() - overdue),
                text("digest.body", greeting(to), list.toString().stripTrailing(), properties.baseUrl() + "/tasks"));
    }

    String taskLink(Task task) {
        return taskLinkOf(task.getId());
    }

    String taskLinkOf(String taskId) {
        return properties.baseUrl() + "/tasks/" + taskId;
    }

    String timelineLink(UUID engagementId) {
        return properties.baseUrl() + "/engagements/" + engagementId + "/timeline";
    }

    private Notice notice(Recipient to, String kind, String subjectId, LocalDate due, UUID engagementId,
                          String subject, String body) {
        return new Notice(to, kind, subjectId, due, engagementId, subject,
                body + "\n\n" + text("footer", properties.baseUrl() + "/profile"));
    }

    private String greeting(Recipient to) {
        return text("greeting", to.displayName());
    }

    private String text(String key, Object... args) {
        return messages.getMessage("notify.mail." + key, args, Locale.ENGLISH);
    }
}
