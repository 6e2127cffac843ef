package org.auditmanager.timeline;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.auditmanager.common.ForbiddenException;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.engagement.Framework;
import org.auditmanager.security.AuthenticatedUser;
import org.auditmanager.security.UserAccount;
import org.auditmanager.security.UserAccounts;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The deadlines of every engagement the signed-in staff member may see: next deadline, overdue and due-soon
 * counts, and a month calendar. Clients have their own engagements' timelines instead.
 */
@Controller
class PortfolioPagesController {

    private static final String PORTFOLIO = "timeline/portfolio";

    record Row(Engagement engagement, String leadAuditorName, TimelineEntry next, long overdue, long dueSoon,
               int inMonth) {
    }

    record Filter(UUID organisation, Framework framework, String lead, YearMonth month, boolean monthGiven) {
    }

    private final Timelines timelines;
    private final UserAccounts users;
    private final Clock clock;

    PortfolioPagesController(Timelines timelines, UserAccounts users, Clock clock) {
        this.timelines = timelines;
        this.users = users;
        this.clock = clock;
    }

    @GetMapping("/portfolio")
    String portfolio(@RequestParam(required = false) UUID organisation,
                     @RequestParam(required = false) Framework framework,
                     @RequestParam(required = false) String lead,
                     @RequestParam(required = false) String month,
                     @AuthenticationPrincipal AuthenticatedUser user, Model model) {
        if (user.isClient()) {
            throw new ForbiddenException("The portfolio is for the audit firm's staff.");
        }
        LocalDate today = LocalDate.now(clock);
        YearMonth chosen = month(month);
        Filter filter = new Filter(organisation, framework, blankToNull(lead), chosen == null ? YearMonth.from(today)
                : chosen, chosen != null);
        List<Timeline> all = timelines.visibleTo(user);
        Map<String, String> leadNames = new TreeMap<>();
        all.stream().map(timeline -> timeline.engagement().leadAuditor()).filter(name -> name != null).distinct()
                .forEach(name -> leadNames.put(name, users.find(name).map(UserAccount::displayName).orElse(name)));
        List<Timeline> shown = all.stream()
                .filter(timeline -> filter.organisation() == null
                        || filter.organisation().equals(timeline.engagement().organisationId()))
                .filter(timeline -> filter.framework() == null || filter.framework() == timeline.engagement().framework())
                .filter(timeline -> filter.lead() == null || filter.lead().equals(timeline.engagement().leadAuditor()))
                .filter(timeline -> !filter.monthGiven() || !timeline.deadlinesIn(filter.month()).isEmpty())
                .toList();
        List<Row> rows = shown.stream().map(timeline -> new Row(timeline.engagement(),
                        leadNames.getOrDefault(timeline.engagement().leadAuditor(), ""),
                        timeline.nextDeadline().orElse(null), timeline.overdueCount(), timeline.dueSoonCount(),
                        timeline.deadlinesIn(filter.month()).size()))
                .sorted(Comparator.comparingLong(Row::overdue).reversed()
                        .thenComparing(row -> row.next() == null ? LocalDate.MAX : row.next().dueDate())
                        .thenComparing(row -> row.engagement().reference()))
                .toList();
        model.addAttribute("filter", filter);
        model.addAttribute("rows", rows);
        model.addAttribute("overdueTotal", rows.stream().mapToLong(Row::overdue).sum());
        model.addAttribute("dueSoonTotal", rows.stream().mapToLong(Row::dueSoon).sum());
        model.addAttribute("calendar", MonthCalendar.of(filter.month(), shown, today));
        model.addAttribute("organisations", all.stream().map(Timeline::engagement)
                .sorted(Comparator.comparing(Engagement::organisationName))
                .collect(Collectors.toMap(Engagement::organisationId, Engagement::organisationName, (a, b) -> a,
                        LinkedHashMap::new)));
        model.addAttribute("frameworks", Framework.values());
        model.addAttribute("leads", leadNames);
        model.addAttribute("previousMonth", filter.month().minusMonths(1));
        model.addAttribute("nextMonth", filter.month().plusMonths(1));
        model.addAttribute("today", today);
        return PORTFOLIO;
    }

    private static YearMonth month(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException notAMonth) {
            return null;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
