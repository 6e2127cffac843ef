package org.auditmanager.timeline;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.auditmanager.common.InvalidInputException;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.engagement.Engagements;
import org.auditmanager.engagement.Framework;
import org.auditmanager.security.AuthenticatedUser;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class TimelinePagesController {

    private static final String TIMELINE = "timeline/engagement";
    private static final String WHAT_IF = "timeline/what-if";

    private final Engagements engagements;
    private final Timelines timelines;
    private final GanttChart chart;
    private final MessageSource messages;

    TimelinePagesController(Engagements engagements, Timelines timelines, GanttChart chart, MessageSource messages) {
        this.engagements = engagements;
        this.timelines = timelines;
        this.chart = chart;
        this.messages = messages;
    }

    @GetMapping("/engagements/{id}/timeline")
    String timeline(@PathVariable UUID id, @AuthenticationPrincipal AuthenticatedUser user,
                    HttpServletRequest request, Model model, Locale locale) {
        Engagement engagement = engagements.get(id, user);
        Timeline timeline = timelines.of(engagement, user);
        model.addAttribute("engagement", engagement);
        model.addAttribute("timeline", timeline);
        model.addAttribute("chart", chart.svg(timeline, "timeline-chart", request.getContextPath(), locale));
        model.addAttribute("iso", engagement.framework() == Framework.ISO27001);
        model.addAttribute("cycleProjected", timeline.entries().stream()
                .anyMatch(entry -> entry.key().equals(KnownMilestones.CERTIFICATE_EXPIRY)));
        return TIMELINE;
    }

    /** Only reads: nothing is recorded, so a GET form whose result can be bookmarked and shared. */
    @GetMapping("/engagements/{id}/what-if")
    String whatIf(@PathVariable UUID id, @RequestParam(required = false) String decisionDate,
                  @RequestParam(required = false) String stage2Start, @RequestParam(required = false) String stage2End,
                  @AuthenticationPrincipal AuthenticatedUser user, HttpServletRequest request, Model model,
                  Locale locale) {
        Engagement engagement = engagements.get(id, user);
        model.addAttribute("engagement", engagement);
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, String> given = new LinkedHashMap<>();
        given.put("decisionDate", decisionDate);
        given.put("stage2Start", stage2Start);
        given.put("stage2End", stage2End);
        model.addAttribute("given", given);
        model.addAttribute("errors", errors);
        if (engagement.framework() != Framework.ISO27001) {
            model.addAttribute("notIso", true);
            return WHAT_IF;
        }
        WhatIfQuestion question = new WhatIfQuestion(date("decisionDate", decisionDate, errors, locale),
                date("stage2Start", stage2Start, errors, locale), date("stage2End", stage2End, errors, locale));
        if (!errors.isEmpty() || question.isEmpty()) {
            return WHAT_IF;
        }
        try {
            WhatIf answer = timelines.whatIf(id, question, user);
            model.addAttribute("answer", answer);
            model.addAttribute("chart", chart.svg(answer.timeline(), "what-if-chart", request.getContextPath(), locale));
        } catch (InvalidInputException e) {
            errors.putAll(e.fieldErrors());
            if (e.fieldErrors().isEmpty()) {
                errors.put("decisionDate", e.getMessage());
            }
        }
        return WHAT_IF;
    }

    private LocalDate date(String field, String text, Map<String, String> errors, Locale locale) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.put(field, messages.getMessage("form.error.notADate", null, locale));
            return null;
        }
    }
}
