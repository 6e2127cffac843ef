package org.auditmanager.timeline;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.auditmanager.iso.NonconformityDeadlines;
import org.auditmanager.iso.Stage2Timing;
import org.auditmanager.security.AuthenticatedUser;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/engagements/{id}")
class TimelineApiController {

    record Milestone(String key, String label, TimelineEntry.Phase phase, TimelineEntry.Kind kind,
                     TimelineEntry.Source source, LocalDate windowStart, LocalDate plannedDate, LocalDate dueDate,
                     LocalDate actualDate, MilestoneStatus status) {

        static Milestone of(TimelineEntry entry) {
            return new Milestone(entry.key(), entry.label(), entry.phase(), entry.kind(), entry.source(),
                    entry.windowStart(), entry.plannedDate(), entry.dueDate(), entry.actualDate(), entry.status());
        }
    }

    record TimelineView(UUID engagementId, String reference, LocalDate today, List<Milestone> milestones) {
    }

    record WhatIfView(LocalDate decisionDate, boolean decisionDerived, Stage2Timing stage2Timing,
                      LocalDate latestStage2Start, NonconformityDeadlines afterStage2, boolean decisionTooLate,
                      List<WhatIf.Change> changes, List<Milestone> milestones) {
    }

    private final Timelines timelines;

    TimelineApiController(Timelines timelines) {
        this.timelines = timelines;
    }

    @GetMapping("/timeline")
    TimelineView timeline(@PathVariable UUID id, @AuthenticationPrincipal AuthenticatedUser user) {
        Timeline timeline = timelines.of(id, user);
        return new TimelineView(timeline.engagement().id(), timeline.engagement().reference(), timeline.today(),
                timeline.entries().stream().map(Milestone::of).toList());
    }

    @GetMapping("/what-if")
    WhatIfView whatIf(@PathVariable UUID id,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate decisionDate,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate stage2Start,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate stage2End,
                      @AuthenticationPrincipal AuthenticatedUser user) {
        WhatIf answer = timelines.whatIf(id, new WhatIfQuestion(decisionDate, stage2Start, stage2End), user);
        return new WhatIfView(answer.decisionDate(), answer.decisionDerived(), answer.stage2Timing(),
                answer.latestStage2Start(), answer.afterStage2(), answer.decisionTooLate(), answer.changes(),
                answer.timeline().entries().stream().map(Milestone::of).toList());
    }
}
