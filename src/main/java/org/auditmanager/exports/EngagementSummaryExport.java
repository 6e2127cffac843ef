package org.auditmanager.exports;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.engagement.Engagements;
import org.auditmanager.security.AuthenticatedUser;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/** The engagement summary PDF: every {@link SummarySection}, in order, for a reader who may see the engagement. */
@Service
class EngagementSummaryExport {

    private final Engagements engagements;
    private final List<SummarySection> sections;
    private final MessageSource messages;
    private final Clock clock;

    EngagementSummaryExport(Engagements engagements, List<SummarySection> sections, MessageSource messages,
                            Clock clock) {
        this.engagements = engagements;
        this.sections = sections.stream().sorted(Comparator.comparingInt(SummarySection::order)).toList();
        this.messages = messages;
        this.clock = clock;
    }

    /** 404 for an engagement the reader may not see, before anything is read. */
    Export pdf(UUID engagementId, AuthenticatedUser reader, Locale locale) {
        Engagement engagement = engagements.get(engagementId, reader);
        ExportText text = new ExportText(messages, locale, clock.getZone());
        Instant now = clock.instant();
        PdfReport report = new PdfReport(text.get("export.summary.title", engagement.reference()),
                text.get("export.footer", engagement.reference(), text.time(now)), false);
        report.line(engagement.title() + " · " + engagement.organisationName());
        report.line(text.get("export.generated", text.time(now), reader.displayName(), text.zone()));
        sections.forEach(section -> report.section(section.content(engagement, reader, text)));
        return new Export(engagement.reference() + "-summary.pdf", Export.PDF, report.finish());
    }
}
