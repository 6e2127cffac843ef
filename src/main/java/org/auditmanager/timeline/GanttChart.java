package org.auditmanager.timeline;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.auditmanager.timeline.TimelineEntry.Kind;
import org.auditmanager.timeline.TimelineEntry.Phase;
import org.auditmanager.timeline.TimelineEntry.Source;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Draws a timeline as a Gantt-style SVG on the server: one row per entry grouped by phase, month ticks, a today
 * line, windows and periods as bars, due dates as diamonds, actual dates as filled circles. Status shows as
 * colour and as words in its own column, and every row has a {@code <title>} tooltip; every text is escaped.
 * The drawing has a fixed coordinate system and scales to the page width through its viewBox.
 */
@Component
class GanttChart {

    private static final int WIDTH = 1100;
    private static final int LABEL_WIDTH = 290;
    private static final int STATUS_WIDTH = 120;
    private static final int X0 = LABEL_WIDTH + 10;
    private static final int X1 = WIDTH - STATUS_WIDTH - 10;
    private static final int TOP = 52;
    private static final int ROW = 26;
    private static final int LEGEND = 64;
    private static final int MAX_LABEL = 40;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final Map<MilestoneStatus, String> COLOUR = Map.of(
            MilestoneStatus.DONE, "#1e7b4a", MilestoneStatus.OVERDUE, "#b3261e",
            MilestoneStatus.DUE_SOON, "#c77700", MilestoneStatus.PLANNED, "#1f5f8b");
    private static final Map<MilestoneStatus, String> TEXT_COLOUR = Map.of(
            MilestoneStatus.DONE, "#1e7b4a", MilestoneStatus.OVERDUE, "#b3261e",
            MilestoneStatus.DUE_SOON, "#8a5300", MilestoneStatus.PLANNED, "#1f5f8b");

    private final MessageSource messages;

    GanttChart(MessageSource messages) {
        this.messages = messages;
    }

    String svg(Timeline timeline, String id, String contextPath, Locale locale) {
        List<TimelineEntry> entries = timeline.entries();
        Scale scale = Scale.around(entries, timeline.today());
        int phases = (int) entries.stream().map(TimelineEntry::phase).distinct().count();
        int height = TOP + (entries.size() + phases) * ROW + 12 + LEGEND;
        int rowsBottom = height - LEGEND - 8;
        StringBuilder svg = new StringBuilder(8192);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"gantt\" role=\"img\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(height).append("\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\"")
                .append(" aria-labelledby=\"").append(id).append("-title\" id=\"").append(id).append("\"")
                .append(" font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif\" font-size=\"13\">");
        svg.append("<title id=\"").append(id).append("-title\">")
                .append(xml(msg("timeline.chart.title", locale, timeline.engagement().reference()))).append("</title>");
        svg.append("<rect x=\"0\" y=\"0\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\" fill=\"#ffffff\"/>");
        // layers from the back: row backgrounds, month grid, today line, then what each row says
        rows(entries, new RowVisitor() {
            @Override
            public void header(Phase phase, int y) {
                svg.append("<rect x=\"0\" y=\"").append(y).append("\" width=\"").append(WIDTH).append("\" height=\"")
                        .append(ROW).append("\" fill=\"#e7edf4\"/>");
            }

            @Override
            public void entry(TimelineEntry entry, int index, int y) {
                if (index % 2 == 1) {
                    svg.append("<rect x=\"0\" y=\"").append(y).append("\" width=\"").append(WIDTH)
                            .append("\" height=\"").append(ROW).append("\" fill=\"#f5f7fa\"/>");
                }
            }
        });
        ticks(svg, scale, rowsBottom, locale);
        today(svg, scale, timeline.today(), rowsBottom, locale);
        rows(entries, new RowVisitor() {
            @Override
            public void header(Phase phase, int y) {
                svg.append("<text x=\"8\" y=\"").append(y + 17).append("\" font-weight=\"700\" fill=\"#174a6d\">")
                        .append(xml(msg("timeline.phase." + phase, locale))).append("</text>");
            }

            @Override
            public void entry(TimelineEntry entry, int index, int y) {
                row(svg, entry, scale, y, contextPath, locale);
            }
        });
        legend(svg, height - LEGEND + 6, locale);
        return svg.append("</svg>").toString();
    }

    /** Walks the rows top-down: a header row where a phase begins, then its entries. */
    private interface RowVisitor {
        void header(Phase phase, int y);

        void entry(TimelineEntry entry, int index, int y);
    }

    private static void rows(List<TimelineEntry> entries, RowVisitor visitor) {
        int y = TOP;
        Phase current = null;
        for (int index = 0; index < entries.size(); index++) {
            TimelineEntry entry = entries.get(index);
            if (entry.phase() != current) {
                current = entry.phase();
                visitor.header(current, y);
                y += ROW;
            }
            visitor.entry(entry, index, y);
            y += ROW;
        }
    }

    private void ticks(StringBuilder svg, Scale scale, int bottom, Locale locale) {
        YearMonth first = YearMonth.from(scale.start);
        YearMonth last = YearMonth.from(scale.end);
        long months = ChronoUnit.MONTHS.between(first, last) + 1;
        int step = months <= 14 ? 1 : months <= 26 ? 2 : months <= 42 ? 3 : 6;
        boolean firstLabel = true;
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            if ((month.getMonthValue() - 1) % step != 0) {
                continue;
            }
            double x = scale.x(month.atDay(1));
            if (x < X0 || x > X1) {
                continue;
            }
            svg.append("<line x1=\"").append(fmt(x)).append("\" y1=\"").append(TOP - 14).append("\" x2=\"")
                    .append(fmt(x)).append("\" y2=\"").append(bottom).append("\" stroke=\"#d8dee6\"/>");
            if (x > X1 - 24) {
                // the range's end: a label there would run into the status column
                continue;
            }
            svg.append("<text x=\"").append(fmt(x + 3)).append("\" y=\"16\" font-size=\"12\" fill=\"#5b6675\">")
                    .append(xml(month.getMonth().getDisplayName(TextStyle.SHORT, locale))).append("</text>");
            if (firstLabel || month.getMonthValue() == 1) {
                svg.append("<text x=\"").append(fmt(x + 3)).append("\" y=\"30\" font-size=\"12\" font-weight=\"600\"")
                        .append(" fill=\"#1d2530\">").append(month.getYear()).append("</text>");
                firstLabel = false;
            }
        }
    }

    private void row(StringBuilder svg, TimelineEntry entry, Scale scale, int y, String contextPath, Locale locale) {
        MilestoneStatus status = entry.status() == null ? MilestoneStatus.PLANNED : entry.status();
        String colour = COLOUR.get(status);
        int mid = y + ROW / 2;
        svg.append("<g class=\"gantt-row status-").append(status.name().toLowerCase(Locale.ROOT)).append("\">");
        svg.append("<title>").append(xml(tooltip(entry, status, locale))).append("</title>");
        String label = entry.label().length() > MAX_LABEL
                ? entry.label().substring(0, MAX_LABEL - 1).strip() + "…" : entry.label();
        String text = "<text x=\"20\" y=\"" + (mid + 4) + "\" fill=\"#1d2530\""
                + (entry.source() == Source.PROJECTED ? " font-style=\"italic\"" : "") + ">" + xml(label) + "</text>";
        if (entry.link() != null) {
            svg.append("<a href=\"").append(xml(contextPath + entry.link())).append("\">")
                    .append(text.replace("fill=\"#1d2530\"", "fill=\"#1f5f8b\" text-decoration=\"underline\""))
                    .append("</a>");
        } else {
            svg.append(text);
        }

        double right = X0;
        double left = X1;
        if (entry.windowStart() != null && entry.dueDate() != null) {
            double from = scale.x(entry.windowStart());
            double to = Math.max(scale.x(entry.dueDate().plusDays(1)), from + 4);
            svg.append("<rect x=\"").append(fmt(from)).append("\" y=\"").append(mid - 6).append("\" width=\"")
                    .append(fmt(to - from)).append("\" height=\"12\" rx=\"3\" fill=\"").append(colour)
                    .append("\" fill-opacity=\"0.22\" stroke=\"").append(colour).append("\"/>");
            right = Math.max(right, to);
            left = Math.min(left, from);
        }
        if (entry.plannedDate() != null && !entry.plannedDate().equals(entry.dueDate())) {
            double x = scale.x(entry.plannedDate());
            svg.append("<circle cx=\"").append(fmt(x)).append("\" cy=\"").append(mid)
                    .append("\" r=\"5\" fill=\"#ffffff\" stroke=\"#5b6675\" stroke-width=\"2\"/>");
            right = Math.max(right, x + 6);
            left = Math.min(left, x - 6);
        }
        if (entry.dueDate() != null && entry.kind() != Kind.PERIOD) {
            double x = scale.x(entry.dueDate());
            if (entry.kind() == Kind.MARKER) {
                svg.append("<path d=\"M").append(fmt(x - 7)).append(' ').append(mid - 6).append(" L")
                        .append(fmt(x + 7)).append(' ').append(mid - 6).append(" L").append(fmt(x)).append(' ')
                        .append(mid + 7).append(" Z\" fill=\"").append(colour).append("\"/>");
            } else {
                boolean met = entry.actualDate() != null;
                svg.append("<path d=\"M").append(fmt(x)).append(' ').append(mid - 8).append(" L").append(fmt(x + 8))
                        .append(' ').append(mid).append(" L").append(fmt(x)).append(' ').append(mid + 8).append(" L")
                        .append(fmt(x - 8)).append(' ').append(mid).append(" Z\" fill=\"")
                        .append(met ? "#ffffff" : colour).append("\" stroke=\"").append(met ? "#8a96a3" : colour)
                        .append("\" stroke-width=\"2\"/>");
            }
            right = Math.max(right, x + 9);
            left = Math.min(left, x - 9);
        }
        if (entry.actualDate() != null) {
            double x = scale.x(entry.actualDate());
            svg.append("<circle cx=\"").append(fmt(x)).append("\" cy=\"").append(mid).append("\" r=\"7\" fill=\"")
                    .append(COLOUR.get(MilestoneStatus.DONE)).append("\"/>");
            svg.append("<path d=\"M").append(fmt(x - 3.5)).append(' ').append(mid).append(" l2.5 3 l4.5 -6\"")
                    .append(" fill=\"none\" stroke=\"#ffffff\" stroke-width=\"2\"/>");
            right = Math.max(right, x + 8);
            left = Math.min(left, x - 8);
        }
        String dates = dateText(entry);
        if (!dates.isEmpty()) {
            int width = (int) Math.ceil(dates.length() * 6.6);
            boolean after = right + 6 + width <= X1;
            double x = after ? right + 6 : Math.max(X0 + 2 + width, left - 6);
            // a light backing keeps the dates readable where they cross the today line or a grid line
            svg.append("<rect x=\"").append(fmt((after ? x : x - width) - 2)).append("\" y=\"").append(mid - 8)
                    .append("\" width=\"").append(width + 4).append("\" height=\"16\" rx=\"2\" fill=\"#ffffff\"")
                    .append(" fill-opacity=\"0.9\"/>");
            svg.append("<text x=\"").append(fmt(x)).append("\" y=\"").append(mid + 4)
                    .append("\" font-size=\"11.5\" fill=\"#3b4654\"").append(after ? "" : " text-anchor=\"end\"")
                    .append(">").append(xml(dates)).append("</text>");
        }
        svg.append("<text x=\"").append(WIDTH - STATUS_WIDTH + 4).append("\" y=\"").append(mid + 4)
                .append("\" font-weight=\"600\" fill=\"").append(TEXT_COLOUR.get(status)).append("\">")
                .append(xml(msg("timeline.status." + status, locale))).append("</text>");
        svg.append("</g>");
    }

    private void today(StringBuilder svg, Scale scale, LocalDate today, int bottom, Locale locale) {
        double x = scale.x(today);
        String label = msg("timeline.chart.today", locale, DAY.format(today));
        int width = label.length() * 7 + 10;
        double boxX = Math.min(Math.max(x - width / 2.0, X0), X1 - width);
        svg.append("<line x1=\"").append(fmt(x)).append("\" y1=\"").append(TOP - 12).append("\" x2=\"").append(fmt(x))
                .append("\" y2=\"").append(bottom).append("\" stroke=\"#6a1b9a\" stroke-width=\"2\"")
                .append(" stroke-dasharray=\"5 4\"/>");
        svg.append("<rect x=\"").append(fmt(boxX)).append("\" y=\"").append(TOP - 16).append("\" width=\"")
                .append(width).append("\" height=\"16\" rx=\"3\" fill=\"#6a1b9a\"/>");
        svg.append("<text x=\"").append(fmt(boxX + width / 2.0)).append("\" y=\"").append(TOP - 4)
                .append("\" font-size=\"11.5\" font-weight=\"600\" fill=\"#ffffff\" text-anchor=\"middle\">")
                .append(xml(label)).append("</text>");
    }

    private void legend(StringBuilder svg, int y, Locale locale) {
        svg.append("<line x1=\"0\" y1=\"").append(y - 6).append("\" x2=\"").append(WIDTH).append("\" y2=\"")
                .append(y - 6).append("\" stroke=\"#d8dee6\"/>");
        List<String> items = new ArrayList<>();
        items.add(diamond(COLOUR.get(MilestoneStatus.PLANNED)) + "|" + msg("timeline.legend.due", locale));
        items.add(diamond(COLOUR.get(MilestoneStatus.DUE_SOON)) + "|" + msg("timeline.legend.dueSoon", locale));
        items.add(diamond(COLOUR.get(MilestoneStatus.OVERDUE)) + "|" + msg("timeline.legend.overdue", locale));
        items.add("<circle cx=\"8\" cy=\"0\" r=\"7\" fill=\"#1e7b4a\"/>|" + msg("timeline.legend.done", locale));
        items.add("<circle cx=\"8\" cy=\"0\" r=\"5\" fill=\"#ffffff\" stroke=\"#5b6675\" stroke-width=\"2\"/>|"
                + msg("timeline.legend.planned", locale));
        items.add("<rect x=\"0\" y=\"-6\" width=\"18\" height=\"12\" rx=\"3\" fill=\"#1f5f8b\" fill-opacity=\"0.22\""
                + " stroke=\"#1f5f8b\"/>|" + msg("timeline.legend.window", locale));
        items.add("<path d=\"M1 -6 L15 -6 L8 7 Z\" fill=\"#1f5f8b\"/>|" + msg("timeline.legend.marker", locale));
        items.add("<line x1=\"8\" y1=\"-9\" x2=\"8\" y2=\"9\" stroke=\"#6a1b9a\" stroke-width=\"2\""
                + " stroke-dasharray=\"5 4\"/>|" + msg("timeline.legend.today", locale));
        int perRow = 4;
        int column = (WIDTH - 16) / perRow;
        for (int i = 0; i < items.size(); i++) {
            String[] parts = items.get(i).split("\\|", 2);
            int x = 10 + (i % perRow) * column;
            int rowY = y + 14 + (i / perRow) * 24;
            svg.append("<g transform=\"translate(").append(x).append(' ').append(rowY).append(")\">").append(parts[0])
                    .append("<text x=\"26\" y=\"4\" font-size=\"12\" fill=\"#1d2530\">").append(xml(parts[1]))
                    .append("</text></g>");
        }
    }

    private static String diamond(String colour) {
        return "<path d=\"M8 -8 L16 0 L8 8 L0 0 Z\" fill=\"" + colour + "\"/>";
    }

    private String tooltip(TimelineEntry entry, MilestoneStatus status, Locale locale) {
        StringBuilder text = new StringBuilder(entry.label());
        if (entry.windowStart() != null && entry.dueDate() != null) {
            text.append(" · ").append(msg("timeline.col.window", locale)).append(' ')
                    .append(DAY.format(entry.windowStart())).append(" – ").append(DAY.format(entry.dueDate()));
        }
        appendDate(text, msg("timeline.col.planned", locale), entry.plannedDate());
        appendDate(text, msg("timeline.col.due", locale), entry.dueDate());
        appendDate(text, msg("timeline.col.actual", locale), entry.actualDate());
        text.append(" · ").append(msg("timeline.status." + status, locale));
        text.append(" · ").append(msg("timeline.source." + entry.source(), locale));
        return text.toString();
    }

    private static void appendDate(StringBuilder text, String name, LocalDate date) {
        if (date != null) {
            text.append(" · ").append(name).append(' ').append(DAY.format(date));
        }
    }

    /** The date written next to the row's marks: the period, or the date it stands at. */
    private static String dateText(TimelineEntry entry) {
        if (entry.kind() == Kind.PERIOD && entry.windowStart() != null && entry.dueDate() != null) {
            return DAY.format(entry.windowStart()) + " – " + DAY.format(entry.dueDate());
        }
        LocalDate date = entry.date();
        return date == null ? "" : DAY.format(date);
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    static String xml(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> {
                    // characters XML 1.0 forbids (control characters) would break the whole page
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** Days to x: the whole range of the entries and today, widened to whole months. */
    private record Scale(LocalDate start, LocalDate end) {

        static Scale around(List<TimelineEntry> entries, LocalDate today) {
            LocalDate min = today;
            LocalDate max = today;
            for (TimelineEntry entry : entries) {
                if (entry.earliest() != null && entry.earliest().isBefore(min)) {
                    min = entry.earliest();
                }
                if (entry.latest() != null && entry.latest().isAfter(max)) {
                    max = entry.latest();
                }
            }
            LocalDate start = min.minusDays(7).withDayOfMonth(1);
            LocalDate end = max.plusDays(20).withDayOfMonth(1).plusMonths(1);
            if (ChronoUnit.MONTHS.between(start, end) < 3) {
                end = start.plusMonths(3);
            }
            return new Scale(start, end);
        }

        double x(LocalDate date) {
            double days = ChronoUnit.DAYS.between(start, end);
            return X0 + ChronoUnit.DAYS.between(start, date) / days * (X1 - X0);
        }
    }
}
