package org.auditmanager.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.engagement.EngagementKind;
import org.auditmanager.engagement.Framework;
import org.auditmanager.timeline.TimelineEntry.Kind;
import org.auditmanager.timeline.TimelineEntry.Phase;
import org.auditmanager.timeline.TimelineEntry.Source;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.w3c.dom.Document;

/** The SVG is well-formed whatever the labels hold, and says status in words as well as in colour. */
class GanttChartTest {

    private final StaticMessageSource messages = new StaticMessageSource();
    private final GanttChart chart = new GanttChart(messages);
    private final LocalDate today = LocalDate.of(2026, 11, 23);

    GanttChartTest() {
        messages.addMessage("timeline.status.OVERDUE", Locale.ENGLISH, "Overdue");
        messages.addMessage("timeline.status.DUE_SOON", Locale.ENGLISH, "Due soon");
        messages.addMessage("timeline.status.DONE", Locale.ENGLISH, "Done");
        messages.addMessage("timeline.chart.today", Locale.ENGLISH, "Today {0}");
    }

    private Timeline timeline(TimelineEntry... entries) {
        Engagement engagement = new Engagement(UUID.randomUUID(), "ENG-2026-0001", UUID.randomUUID(), "Acme <Cloud>",
                Framework.ISO27001, EngagementKind.CERTIFICATION_CYCLE, "Title", "Scope", "PLANNING", "lead", null,
                null, null, Set.of(), null, Instant.now(), List.of());
        return new Timeline(engagement, today, List.of(entries));
    }

    private static TimelineEntry deadline(String label, LocalDate due, MilestoneStatus status) {
        return new TimelineEntry("K" + label.hashCode(), label, Phase.OTHER, Kind.DEADLINE, Source.RECORDED, null, null,
                due, null, status, null);
    }

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void escapesEveryLabelAndStaysWellFormed() throws Exception {
        String svg = chart.svg(timeline(
                deadline("<script>alert('x')</script> & \"quotes\"\u0007", today.plusDays(3), MilestoneStatus.DUE_SOON),
                new TimelineEntry("task:1", "Answer <b>request</b>", Phase.TASKS, Kind.DEADLINE, Source.TASK, null, null,
                        today.minusDays(2), null, MilestoneStatus.OVERDUE, "/tasks/1?a=1&b=<2>")), "chart", "/ctx",
                Locale.ENGLISH);

        assertThat(svg).doesNotContain("<script").doesNotContain("<b>").doesNotContain("\u0007");
        assertThat(svg).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;");
        assertThat(svg).contains("href=\"/ctx/tasks/1?a=1&amp;b=&lt;2&gt;\"");
        Document document = parse(svg);
        assertThat(document.getDocumentElement().getNodeName()).isEqualTo("svg");
        assertThat(document.getElementsByTagName("title").getLength()).isEqualTo(3);
    }

    @Test
    void saysStatusInWordsAndDrawsTheTodayLineAndMonthTicks() throws Exception {
        String svg = chart.svg(timeline(
                deadline("Late report", today.minusDays(10), MilestoneStatus.OVERDUE),
                deadline("Documents", today.plusDays(5), MilestoneStatus.DUE_SOON),
                new TimelineEntry("DONE", "Contract", Phase.OTHER, Kind.DEADLINE, Source.RECORDED, null, null,
                        today.minusDays(40), today.minusDays(41), MilestoneStatus.DONE, null)),
                "chart", "", Locale.ENGLISH);

        assertThat(svg).contains(">Overdue<", ">Due soon<", ">Done<", ">Today 2026-11-23<");
        assertThat(svg).contains(">Oct<", ">Nov<", ">Dec<", ">2026<");
        assertThat(svg).contains("viewBox=\"0 0 1100 ").contains("width=\"100%\"");
        parse(svg);
    }

    @Test
    void aThreeYearCycleGetsQuarterTicksWithYears() {
        String svg = chart.svg(timeline(
                deadline("Decision", today.minusMonths(2), MilestoneStatus.DONE),
                deadline("Expiry", today.plusYears(3), MilestoneStatus.PLANNED)), "chart", "", Locale.ENGLISH);

        assertThat(svg).contains(">2027<", ">2028<", ">2029<").contains(">Jan<", ">Apr<", ">Jul<")
                .doesNotContain(">Feb<");
    }
}
