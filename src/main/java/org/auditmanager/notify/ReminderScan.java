package org.auditmanager.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.auditmanager.common.PageRequest;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.engagement.Engagements;
import org.auditmanager.iso.IsoCyclePolicy;
import org.auditmanager.iso.Reminders;
import org.auditmanager.notify.Notices.DigestLine;
import org.auditmanager.notify.Recipients.Recipient;
import org.auditmanager.tasks.TaskFilter;
import org.auditmanager.tasks.TaskItem;
import org.auditmanager.tasks.TaskLists;
import org.auditmanager.timeline.MilestoneStatus;
import org.auditmanager.timeline.Timeline;
import org.auditmanager.timeline.TimelineEntry;
import org.auditmanager.timeline.Timelines;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reminders ahead of due dates, escalations once they have passed, and daily digests, for open tasks and for
 * the milestones of every engagement. It runs every {@code app.notify.scan-interval} on every node; the record
 * of sent notices ({@link Notifier}) makes each one go out once.
 * <p>
 * Why a scan and not only BPMN timers: the processes have their own timers for what the process itself must do
 * when a date passes; reminders concern every dated thing at once (tasks of every process, milestones that are
 * projected and never were process state), follow configuration changes without migrating running instances,
 * and a missed run catches up on the next one.
 */
@Component
class ReminderScan {

    private static final Logger log = LoggerFactory.getLogger(ReminderScan.class);
    /** New-task notices that failed are retried for this long. */
    private static final Duration NEW_TASK_RETRY = Duration.ofDays(1);

    private final TaskService taskService;
    private final TaskEngagementLookup lookup;
    private final Engagements engagements;
    private final Timelines timelines;
    private final TaskLists taskLists;
    private final IsoCyclePolicy deadlines;
    private final Recipients recipients;
    private final Notices notices;
    private final Notifier notifier;
    private final NewTaskNotifier newTasks;
    private final NotificationRepository repository;
    private final NotifyProperties properties;
    private final Clock clock;

    ReminderScan(TaskService taskService, TaskEngagementLookup lookup, Engagements engagements, Timelines timelines,
                 TaskLists taskLists, IsoCyclePolicy deadlines, Recipients recipients, Notices notices,
                 Notifier notifier, NewTaskNotifier newTasks, NotificationRepository repository,
                 NotifyProperties properties, Clock clock) {
        this.taskService = taskService;
        this.lookup = lookup;
        this.engagements = engagements;
        this.timelines = timelines;
        this.taskLists = taskLists;
        this.deadlines = deadlines;
        this.recipients = recipients;
        this.notices = notices;
        this.notifier = notifier;
        this.newTasks = newTasks;
        this.repository = repository;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${app.notify.scan-interval:PT5M}",
            initialDelayString = "${app.notify.scan-interval:PT5M}")
    void scheduled() {
        try {
            int sent = scan();
            if (sent > 0) {
                log.info("Reminder scan sent {} notices", sent);
            }
        } catch (RuntimeException e) {
            log.warn("Reminder scan failed; the next one tries again", e);
        }
    }

    /** One pass over tasks, milestones and digests; returns the number of mails sent. */
    int scan() {
        if (!notifier.enabled()) {
            return 0;
        }
        LocalDate today = LocalDate.now(clock);
        Set<String> digestReaders = Set.copyOf(repository.digestSubscribers());
        return tasks(today, digestReaders) + milestones(today, digestReaders) + digests(today);
    }

    private int tasks(LocalDate today, Set<String> digestReaders) {
        int sent = 0;
        List<Task> recent = taskService.createTaskQuery().active()
                .taskCreatedAfter(Date.from(clock.instant().minus(NEW_TASK_RETRY))).list();
        Map<String, Engagement> recentEngagements = lookup.of(recent);
        for (Task task : recent) {
            if (recentEngagements.containsKey(task.getId())) {
                sent += newTasks.announce(task, recentEngagements.get(task.getId()));
            }
        }
        LocalDate horizon = today.plusDays(leadDays(today) + 1);
        List<Task> dated = taskService.createTaskQuery().active()
                .dueBefore(Date.from(horizon.atStartOfDay(clock.getZone()).toInstant())).list();
        Map<String, Engagement> engagementOf = lookup.of(dated);
        for (Task task : dated) {
            Engagement engagement = engagementOf.get(task.getId());
            if (engagement == null) {
                continue;
            }
            LocalDate due = task.getDueDate().toInstant().atZone(clock.getZone()).toLocalDate();
            Reminders reminders = deadlines.reminders(due);
            if (!today.isBefore(reminders.escalateOn())) {
                String assignee = task.getAssignee() == null ? "–" : task.getAssignee();
                for (Recipient to : recipients.managers(engagement)) {
                    sent += count(notifier.send(notices.taskEscalation(to, task, engagement, due, assignee)));
                }
            } else {
                // a reminder due before the task existed would only repeat the new-task notice
                LocalDate created = task.getCreateTime().toInstant().atZone(clock.getZone()).toLocalDate();
                Optional<LocalDate> remindOn = latestReminder(reminders, today).filter(day -> day.isAfter(created));
                if (remindOn.isPresent()) {
                    String kind = Notices.reminderKind(remindOn.get(), due);
                    for (Recipient to : recipients.forTask(task, engagement)) {
                        if (!digestReaders.contains(to.username())) {
                            sent += count(notifier.send(notices.taskReminder(to, task, engagement, due, today, kind)));
                        }
                    }
                }
            }
        }
        return sent;
    }

    private int milestones(LocalDate today, Set<String> digestReaders) {
        int sent = 0;
        for (Timeline timeline : timelines.milestonesOf(allEngagements())) {
            Engagement engagement = timeline.engagement();
            for (TimelineEntry entry : timeline.entries()) {
                if (!entry.isOpenDeadline()) {
                    continue;
                }
                Reminders reminders = deadlines.reminders(entry.dueDate());
                if (!today.isBefore(reminders.escalateOn())) {
                    for (Recipient to : recipients.managers(engagement)) {
                        sent += count(notifier.send(notices.milestoneEscalation(to, entry, engagement)));
                    }
                    continue;
                }
                Optional<LocalDate> remindOn = latestReminder(reminders, today);
                if (remindOn.isEmpty()) {
                    continue;
                }
                String kind = Notices.reminderKind(remindOn.get(), entry.dueDate());
                for (Recipient to : recipients.auditTeam(engagement)) {
                    if (!digestReaders.contains(to.username())) {
                        sent += count(notifier.send(notices.milestoneReminder(to, entry, engagement, today, kind)));
                    }
                }
            }
        }
        return sent;
    }

    private int digests(LocalDate today) {
        if (LocalTime.now(clock).getHour() < properties.digestHour()) {
            return 0;
        }
        int sent = 0;
        for (String username : repository.digestSubscribers()) {
            Optional<Recipient> reader = recipients.subscriber(username);
            if (reader.isEmpty() || notifier.alreadySent(username, Notices.DIGEST, "digest", today)) {
                continue;
            }
            List<DigestLine> lines = digestLines(reader.get(), today);
            if (!lines.isEmpty()) {
                sent += count(notifier.send(notices.digest(reader.get(), lines, today)));
            }
        }
        return sent;
    }

    /** The reader's own overdue and due-soon tasks and milestones, only of engagements they may see. */
    private List<DigestLine> digestLines(Recipient reader, LocalDate today) {
        List<DigestLine> lines = new ArrayList<>();
        int lead = (int) leadDays(today);
        for (TaskItem task : taskLists.list(reader.user(), new TaskFilter(null, null, null, null, lead), 0,
                PageRequest.MAX_SIZE).items()) {
            LocalDate due = task.due().atZone(clock.getZone()).toLocalDate();
            lines.add(new DigestLine(task.engagementReference(), task.name(), due, due.isBefore(today),
                    notices.taskLinkOf(task.id())));
        }
        for (Timeline timeline : timelines.visibleTo(reader.user())) {
            for (TimelineEntry entry : timeline.entries()) {
                boolean pressing = entry.status() == MilestoneStatus.OVERDUE || entry.status() == MilestoneStatus.DUE_SOON;
                if (entry.isOpenDeadline() && pressing && entry.source() != TimelineEntry.Source.TASK) {
                    lines.add(new DigestLine(timeline.engagement().reference(), entry.label(), entry.dueDate(),
                            entry.status() == MilestoneStatus.OVERDUE, notices.timelineLink(timeline.engagement().id())));
                }
            }
        }
        lines.sort(Comparator.comparing(DigestLine::due).thenComparing(DigestLine::reference));
        return lines;
    }

    private List<Engagement> allEngagements() {
        List<Engagement> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            List<Engagement> batch = engagements.visibleTo(Recipients.SYSTEM, page, PageRequest.MAX_SIZE);
            all.addAll(batch);
            if (batch.size() < PageRequest.MAX_SIZE) {
                return all;
            }
        }
    }

    /** The latest reminder day that has come, as long as the due date has not passed. */
    private static Optional<LocalDate> latestReminder(Reminders reminders, LocalDate today) {
        if (today.isAfter(reminders.due())) {
            return Optional.empty();
        }
        return reminders.remindOn().stream().filter(day -> !day.isAfter(today)).max(Comparator.naturalOrder());
    }

    /** How many days ahead the first reminder comes. */
    private long leadDays(LocalDate today) {
        return deadlines.reminders(today).remindOn().stream().findFirst()
                .map(first -> ChronoUnit.DAYS.between(first, today)).orElse(0L);
    }

    private static int count(boolean sent) {
        return sent ? 1 : 0;
    }
}
