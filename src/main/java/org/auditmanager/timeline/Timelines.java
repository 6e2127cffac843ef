package org.auditmanager.timeline;

import static org.auditmanager.timeline.KnownMilestones.CERTIFICATION_DECISION;
import static org.auditmanager.timeline.KnownMilestones.STAGE1_AUDIT;
import static org.auditmanager.timeline.KnownMilestones.STAGE2_AUDIT;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.auditmanager.common.InvalidInputException;
import org.auditmanager.common.PageRequest;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.engagement.Engagements;
import org.auditmanager.engagement.Framework;
import org.auditmanager.iso.IsoCyclePolicy;
import org.auditmanager.iso.NonconformityDeadlines;
import org.auditmanager.iso.Stage2Timing;
import org.auditmanager.security.AuthenticatedUser;
import org.auditmanager.tasks.TaskItem;
import org.auditmanager.tasks.TaskLists;
import org.auditmanager.timeline.TimelineEntry.Kind;
import org.auditmanager.timeline.TimelineEntry.Phase;
import org.auditmanager.timeline.TimelineEntry.Source;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Service;

/**
 * Engagement timelines: recorded milestones, the dates the framework's rules project from them, the planned
 * fieldwork and the open tasks' due dates, each with its status as of today (the {@link Clock} bean). Every
 * method that takes a user shows only what that user may see: engagements by the visibility rule, tasks as
 * the task list offers them (a client never sees the auditors' internal tasks).
 */
@Service
public class Timelines {

    private final Engagements engagements;
    private final MilestoneRepository milestones;
    private final PlannedFieldwork plans;
    private final TaskLists tasks;
    private final TimelineBuilder builder;
    private final IsoCyclePolicy isoPolicy;
    private final Clock clock;

    Timelines(Engagements engagements, MilestoneRepository milestones, PlannedFieldwork plans, TaskLists tasks,
              TimelineBuilder builder, IsoCyclePolicy isoPolicy, Clock clock) {
        this.engagements = engagements;
        this.milestones = milestones;
        this.plans = plans;
        this.tasks = tasks;
        this.builder = builder;
        this.isoPolicy = isoPolicy;
        this.clock = clock;
    }

    /** The timeline of an engagement the user may see; 404 otherwise. */
    public Timeline of(UUID engagementId, AuthenticatedUser user) {
        return of(engagements.get(engagementId, user), user);
    }

    /** The timeline of an engagement already checked to be visible to {@code user}. */
    public Timeline of(Engagement engagement, AuthenticatedUser user) {
        return build(List.of(engagement), shown -> tasks.openTasksOf(shown, user)).get(0);
    }

    /** The timelines of every engagement the user may see, newest engagement first. */
    public List<Timeline> visibleTo(AuthenticatedUser user) {
        List<Engagement> visible = new ArrayList<>();
        for (int page = 0; ; page++) {
            List<Engagement> batch = engagements.visibleTo(user, page, PageRequest.MAX_SIZE);
            visible.addAll(batch);
            if (batch.size() < PageRequest.MAX_SIZE) {
                break;
            }
        }
        return build(visible, engagement -> tasks.openTasksOf(engagement, user));
    }

    /**
     * Milestones and projected dates only, without tasks and without a viewer: for reminders, which check each
     * recipient's visibility themselves.
     */
    public List<Timeline> milestonesOf(Collection<Engagement> engagementList) {
        return build(List.copyOf(engagementList), engagement -> List.of());
    }

    /** The ISO cycle the engagement would get from the asked dates, next to the one it has now. */
    public WhatIf whatIf(UUID engagementId, WhatIfQuestion question, AuthenticatedUser user) {
        Engagement engagement = engagements.get(engagementId, user);
        if (engagement.framework() != Framework.ISO27001) {
            throw new InvalidInputException("The what-if projection is for ISO/IEC 27001 certification cycles.");
        }
        if (question.decisionDate() == null && question.stage2End() == null) {
            String message = "Give the certification decision date, or Stage 2's last day.";
            throw new InvalidInputException(message, Map.of("decisionDate", message));
        }
        if (question.stage2Start() != null && question.stage2End() != null
                && question.stage2End().isBefore(question.stage2Start())) {
            String message = "Stage 2 ends on or after the day it starts.";
            throw new InvalidInputException(message, Map.of("stage2End", message));
        }
        Timeline now = of(engagement, user);
        LocalDate today = now.today();
        Map<String, RecordedMilestone> recorded = milestones.of(engagement.id()).stream()
                .collect(Collectors.toMap(RecordedMilestone::key, Function.identity()));

        Stage2Timing timing = null;
        LocalDate latestStage2Start = null;
        LocalDate stage1End = dateOf(recorded.get(STAGE1_AUDIT));
        boolean stage2Asked = question.stage2Start() != null || question.stage2End() != null;
        if (stage1End != null && stage2Asked) {
            latestStage2Start = isoPolicy.latestStage2Start(stage1End);
            if (question.stage2Start() != null) {
                timing = isoPolicy.stage2Timing(stage1End, question.stage2Start());
            }
        }
        NonconformityDeadlines afterStage2 = question.stage2End() == null ? null
                : isoPolicy.afterStage2(question.stage2End());
        boolean derived = question.decisionDate() == null;
        LocalDate decision = derived ? keptDistance(recorded, question.stage2End()) : question.decisionDate();
        LocalDate stage2End = question.stage2End() != null ? question.stage2End() : dateOf(recorded.get(STAGE2_AUDIT));
        if (stage2End != null && decision.isBefore(stage2End)) {
            String message = "The certification decision follows Stage 2 (last day %s).".formatted(stage2End);
            throw new InvalidInputException(message, Map.of("decisionDate", message));
        }

        List<TimelineEntry> entries = new ArrayList<>(builder.isoCycle(decision, false, null, null, null, today));
        List<WhatIf.Change> changes = entries.stream().map(then -> {
            Optional<TimelineEntry> current = now.entries().stream().filter(e -> e.key().equals(then.key())).findFirst();
            return new WhatIf.Change(then.key(), then.label(), current.map(TimelineEntry::windowStart).orElse(null),
                    current.map(TimelineEntry::dueDate).orElse(null), then.windowStart(), then.dueDate());
        }).toList();
        entries.add(whatIfEntry(CERTIFICATION_DECISION, builder.label(CERTIFICATION_DECISION), null, decision,
                today));
        if (question.stage2End() != null) {
            entries.add(whatIfEntry(STAGE2_AUDIT, builder.label(STAGE2_AUDIT), question.stage2Start(),
                    question.stage2End(), today));
            entries.add(whatIfEntry("MAJOR_NC_VERIFIED_BY", builder.label("MAJOR_NC_VERIFIED_BY"), null,
                    afterStage2.majorVerifiedBy(), null));
            entries.add(whatIfEntry("MINOR_NC_PLAN_ACCEPTED_BY", builder.label("MINOR_NC_PLAN_ACCEPTED_BY"), null,
                    afterStage2.minorPlanAcceptedBy(), null));
        }
        Timeline then = new Timeline(engagement, today, entries.stream()
                .map(entry -> entry.withStatus(builder.status(entry, today)))
                .sorted(TimelineBuilder.CHART_ORDER).toList());
        return new WhatIf(question, decision, derived, timing, latestStage2Start, afterStage2,
                afterStage2 != null && afterStage2.majorLimitPassed(decision), changes, then);
    }

    /** Without an asked decision date: the recorded distance between Stage 2's last day and the decision. */
    private static LocalDate keptDistance(Map<String, RecordedMilestone> recorded, LocalDate stage2End) {
        LocalDate recordedStage2 = dateOf(recorded.get(STAGE2_AUDIT));
        LocalDate recordedDecision = dateOf(recorded.get(CERTIFICATION_DECISION));
        if (recordedStage2 == null || recordedDecision == null || recordedDecision.isBefore(recordedStage2)) {
            String message = "No decision date is recorded to keep its distance from Stage 2: give the decision date.";
            throw new InvalidInputException(message, Map.of("decisionDate", message));
        }
        return stage2End.plusDays(ChronoUnit.DAYS.between(recordedStage2, recordedDecision));
    }

    /**
     * An asked date as a timeline entry. With {@code today}, an asked day already past counts as the day it
     * happened (a decision "on 2 January" that is behind us is not overdue, it is what the cycle starts from).
     */
    private static TimelineEntry whatIfEntry(String key, String label, @Nullable LocalDate from, LocalDate to,
                                             @Nullable LocalDate today) {
        KnownMilestones.Shape shape = KnownMilestones.shape(Framework.ISO27001, key, true);
        Phase phase = shape.phase() == Phase.OTHER ? Phase.INITIAL_AUDIT : shape.phase();
        LocalDate happened = today != null && !to.isAfter(today) ? to : null;
        return new TimelineEntry(key, label, phase, Kind.DEADLINE, Source.PROJECTED, from, to, to, happened, null,
                null);
    }

    /** The day a recorded milestone stands at: when it happened, else when it is planned, else when it is due. */
    @Nullable
    private static LocalDate dateOf(@Nullable RecordedMilestone milestone) {
        if (milestone == null) {
            return null;
        }
        return milestone.actualDate() != null ? milestone.actualDate()
                : milestone.plannedDate() != null ? milestone.plannedDate() : milestone.dueDate();
    }

    private List<Timeline> build(List<Engagement> list, Function<Engagement, List<TaskItem>> openTasks) {
        LocalDate today = LocalDate.now(clock);
        Map<UUID, List<RecordedMilestone>> recorded = new HashMap<>();
        milestones.of(list.stream().map(Engagement::id).toList())
                .forEach(milestone -> recorded.computeIfAbsent(milestone.engagementId(), id -> new ArrayList<>())
                        .add(milestone));
        Map<UUID, PlannedFieldwork.Window> planned = plans.of(list);
        return list.stream().map(engagement -> builder.build(engagement,
                recorded.getOrDefault(engagement.id(), List.of()), planned.get(engagement.id()),
                openTasks.apply(engagement), clock.getZone(), today)).toList();
    }
}
