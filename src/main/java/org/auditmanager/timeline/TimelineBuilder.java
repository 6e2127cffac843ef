package org.auditmanager.timeline;

import static org.auditmanager.timeline.KnownMilestones.CERTIFICATION_DECISION;
import static org.auditmanager.timeline.KnownMilestones.FIELDWORK;
import static org.auditmanager.timeline.KnownMilestones.FIELDWORK_END;
import static org.auditmanager.timeline.KnownMilestones.FIELDWORK_START;
import static org.auditmanager.timeline.KnownMilestones.FIRST_SURVEILLANCE;
import static org.auditmanager.timeline.KnownMilestones.RECERTIFICATION_DECISION;
import static org.auditmanager.timeline.KnownMilestones.RESTORATION_DEADLINE;
import static org.auditmanager.timeline.KnownMilestones.SECOND_SURVEILLANCE;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.engagement.Framework;
import org.auditmanager.iso.CycleProjection;
import org.auditmanager.iso.IsoCyclePolicy;
import org.auditmanager.soc2.ReportCoverage;
import org.auditmanager.soc2.Soc2Policy;
import org.auditmanager.tasks.TaskItem;
import org.auditmanager.timeline.TimelineEntry.Kind;
import org.auditmanager.timeline.TimelineEntry.Phase;
import org.auditmanager.timeline.TimelineEntry.Source;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * Puts an engagement's timeline together: the milestones its processes recorded, the dates the framework's
 * rules project from them (ISO: {@link IsoCyclePolicy#project} from the certification decision; SOC 2: the
 * period or as-of date with {@link Soc2Policy}), the planned fieldwork and the open tasks' due dates; then gives
 * each entry its status as of today. A recorded milestone overrides the projected one with the same key.
 */
@Component
class TimelineBuilder {

    private final IsoCyclePolicy isoPolicy;
    private final Soc2Policy soc2Policy;
    private final MessageSource messages;

    TimelineBuilder(IsoCyclePolicy isoPolicy, Soc2Policy soc2Policy, MessageSource messages) {
        this.isoPolicy = isoPolicy;
        this.soc2Policy = soc2Policy;
        this.messages = messages;
    }

    Timeline build(Engagement engagement, List<RecordedMilestone> recorded, @Nullable PlannedFieldwork.Window plan,
                   List<TaskItem> tasks, ZoneId zone, LocalDate today) {
        Map<String, RecordedMilestone> byKey = new LinkedHashMap<>();
        recorded.forEach(milestone -> byKey.put(milestone.key(), milestone));
        List<TimelineEntry> entries = new ArrayList<>();
        for (TimelineEntry projected : projected(engagement, byKey, today)) {
            RecordedMilestone same = byKey.remove(projected.key());
            entries.add(same == null ? projected : merge(projected, same));
        }
        fieldwork(engagement.framework(), byKey, plan).ifPresent(entries::add);
        byKey.values().forEach(milestone -> entries.add(recordedEntry(engagement.framework(), milestone)));
        tasks.stream().filter(task -> task.due() != null).forEach(task -> entries.add(new TimelineEntry(
                "task:" + task.id(), task.name(), Phase.TASKS, Kind.DEADLINE, Source.TASK, null, null,
                task.due().atZone(zone).toLocalDate(), null, null, "/tasks/" + task.id())));
        return new Timeline(engagement, today, entries.stream().map(entry -> entry.withStatus(status(entry, today)))
                .sorted(CHART_ORDER).toList());
    }

    /**
     * The ISO cycle as it would be with a certification decision on {@code decisionDate}: the same entries the
     * timeline shows once the decision is recorded, so the what-if and the real timeline cannot disagree.
     */
    List<TimelineEntry> isoCycle(LocalDate decisionDate, boolean decided, @Nullable LocalDate firstHeld,
                                 @Nullable LocalDate secondHeld, @Nullable LocalDate recertifiedOn, LocalDate today) {
        CycleProjection cycle = isoPolicy.project(decisionDate, firstHeld, secondHeld);
        List<TimelineEntry> entries = new ArrayList<>();
        for (CycleProjection.Milestone milestone : cycle.milestones()) {
            String key = milestone.kind().name();
            if (CERTIFICATION_DECISION.equals(key) && !decided) {
                // a planned decision is the recorded entry itself, not yet a fact
                continue;
            }
            KnownMilestones.Shape shape = KnownMilestones.shape(Framework.ISO27001, key, true);
            Kind kind = shape.kind();
            if (RESTORATION_DEADLINE.equals(key)) {
                if (recertifiedOn != null) {
                    continue;
                }
                // once the certificate has lapsed, restoring it is a deadline of its own
                kind = today.isAfter(cycle.expiry()) ? Kind.DEADLINE : Kind.PERIOD;
            }
            entries.add(new TimelineEntry(key, label(key), shape.phase(), kind, Source.PROJECTED, milestone.opens(),
                    null, milestone.due(), milestone.actual(), null, null));
        }
        return entries;
    }

    MilestoneStatus status(TimelineEntry entry, LocalDate today) {
        if (entry.actualDate() != null) {
            return MilestoneStatus.DONE;
        }
        LocalDate date = entry.dueDate() != null ? entry.dueDate() : entry.windowStart();
        if (date == null) {
            return MilestoneStatus.PLANNED;
        }
        if (entry.kind() != Kind.DEADLINE) {
            return date.isBefore(today) ? MilestoneStatus.DONE : MilestoneStatus.PLANNED;
        }
        if (date.isBefore(today)) {
            return MilestoneStatus.OVERDUE;
        }
        List<LocalDate> reminders = isoPolicy.reminders(date).remindOn();
        return !reminders.isEmpty() && !today.isBefore(reminders.get(0))
                ? MilestoneStatus.DUE_SOON : MilestoneStatus.PLANNED;
    }

    private List<TimelineEntry> projected(Engagement engagement, Map<String, RecordedMilestone> recorded,
                                          LocalDate today) {
        return engagement.framework() == Framework.ISO27001 ? isoProjection(recorded, today)
                : soc2Projection(engagement);
    }

    /** Projected from the recorded certification decision: its actual date, else its planned or due date. */
    private List<TimelineEntry> isoProjection(Map<String, RecordedMilestone> recorded, LocalDate today) {
        RecordedMilestone decision = recorded.get(CERTIFICATION_DECISION);
        LocalDate decisionDate = decision == null ? null : firstOf(decision.actualDate(), decision.plannedDate(),
                decision.dueDate());
        if (decisionDate == null) {
            return List.of();
        }
        LocalDate first = actualOf(recorded.get(FIRST_SURVEILLANCE));
        LocalDate second = actualOf(recorded.get(SECOND_SURVEILLANCE));
        boolean heldInOrder = (first == null || first.isAfter(decisionDate))
                && (second == null || (first != null && second.isAfter(first)));
        return isoCycle(decisionDate, decision.actualDate() != null, heldInOrder ? first : null,
                heldInOrder ? second : null, actualOf(recorded.get(RECERTIFICATION_DECISION)), today);
    }

    private List<TimelineEntry> soc2Projection(Engagement engagement) {
        boolean typeII = engagement.periodStart() != null && engagement.periodEnd() != null;
        if (!typeII && engagement.asOfDate() == null) {
            return List.of();
        }
        ReportCoverage coverage = ReportCoverage.of(engagement);
        List<TimelineEntry> entries = new ArrayList<>();
        if (coverage.isTypeII()) {
            entries.add(soc2Entry(KnownMilestones.OBSERVATION_PERIOD, coverage.periodStart(), coverage.periodEnd()));
        } else {
            entries.add(soc2Entry(KnownMilestones.AS_OF_DATE, null, coverage.asOfDate()));
        }
        entries.add(soc2Entry(KnownMilestones.REPORT_ISSUED, null, soc2Policy.reportDue(coverage)));
        entries.add(soc2Entry(KnownMilestones.BRIDGE_LETTER_COVER, coverage.lastDay().plusDays(1),
                soc2Policy.latestBridgeLetterEnd(coverage)));
        return entries;
    }

    private TimelineEntry soc2Entry(String key, @Nullable LocalDate from, LocalDate to) {
        KnownMilestones.Shape shape = KnownMilestones.shape(Framework.SOC2, key, true);
        return new TimelineEntry(key, label(key), shape.phase(), shape.kind(), Source.PROJECTED, from, null, to,
                null, null, null);
    }

    /** Recorded fieldwork (start and end milestones) wins over the window of the engagement plan. */
    private Optional<TimelineEntry> fieldwork(Framework framework, Map<String, RecordedMilestone> recorded,
                                              @Nullable PlannedFieldwork.Window plan) {
        KnownMilestones.Shape shape = KnownMilestones.shape(framework, FIELDWORK, true);
        RecordedMilestone start = recorded.remove(FIELDWORK_START);
        RecordedMilestone end = recorded.remove(FIELDWORK_END);
        if (start != null || end != null) {
            LocalDate from = start == null ? null : firstOf(start.actualDate(), start.plannedDate(), start.dueDate());
            LocalDate to = end == null ? null : firstOf(end.actualDate(), end.plannedDate(), end.dueDate());
            return Optional.of(new TimelineEntry(FIELDWORK, label(FIELDWORK), shape.phase(), shape.kind(),
                    Source.RECORDED, from, null, to, end == null ? null : end.actualDate(), null, null));
        }
        return Optional.ofNullable(plan).map(window -> new TimelineEntry(FIELDWORK, label("FIELDWORK_PLANNED"),
                shape.phase(), shape.kind(), Source.PROJECTED, window.start(), null, window.end(), null, null, null));
    }

    private static TimelineEntry merge(TimelineEntry projected, RecordedMilestone recorded) {
        return new TimelineEntry(projected.key(), recorded.label(), projected.phase(), projected.kind(),
                Source.RECORDED, projected.windowStart(), recorded.plannedDate(),
                recorded.dueDate() != null ? recorded.dueDate() : projected.dueDate(),
                recorded.actualDate() != null ? recorded.actualDate() : projected.actualDate(), null, null);
    }

    private static TimelineEntry recordedEntry(Framework framework, RecordedMilestone milestone) {
        KnownMilestones.Shape shape = KnownMilestones.shape(framework, milestone.key(), milestone.dueDate() != null);
        return new TimelineEntry(milestone.key(), milestone.label(), shape.phase(), shape.kind(), Source.RECORDED,
                null, milestone.plannedDate(), milestone.dueDate(), milestone.actualDate(), null, null);
    }

    String label(String key) {
        return messages.getMessage("timeline.milestone." + key, null, key, LocaleContextHolder.getLocale());
    }

    private static LocalDate actualOf(@Nullable RecordedMilestone milestone) {
        return milestone == null ? null : milestone.actualDate();
    }

    private static LocalDate firstOf(LocalDate... dates) {
        for (LocalDate date : dates) {
            if (date != null) {
                return date;
            }
        }
        return null;
    }

    /** By phase, then by the first date the entry shows, then by the date it stands at, then by label. */
    static final Comparator<TimelineEntry> CHART_ORDER = Comparator
            .comparing(TimelineEntry::phase)
            .thenComparing(TimelineEntry::earliest, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(TimelineEntry::date, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(TimelineEntry::label, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(entry -> Objects.toString(entry.key()));
}
