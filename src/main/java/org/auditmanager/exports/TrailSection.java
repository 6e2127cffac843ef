package org.auditmanager.exports;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.auditmanager.audit.EngagementTrail;
import org.auditmanager.audit.TrailEntry;
import org.auditmanager.audit.TrailFilter;
import org.auditmanager.common.PageOf;
import org.auditmanager.common.PageRequest;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.security.AuthenticatedUser;
import org.springframework.stereotype.Component;

/** The engagement's whole audit trail, oldest first; last in the report. */
@Component
class TrailSection implements SummarySection {

    private final EngagementTrail trail;

    TrailSection(EngagementTrail trail) {
        this.trail = trail;
    }

    @Override
    public int order() {
        return 1000;
    }

    @Override
    public SectionContent content(Engagement engagement, AuthenticatedUser reader, ExportText text) {
        // where staff signed in from is not the client's business
        boolean withAddress = !reader.isClient();
        List<List<String>> rows = new ArrayList<>();
        List<TrailEntry> entries = allEntries(engagement, reader);
        Collections.reverse(entries);
        for (TrailEntry entry : entries) {
            List<String> row = new ArrayList<>(List.of(text.time(entry.occurredAt()), entry.actor()));
            if (withAddress) {
                row.add(ExportText.orNone(entry.actorIp()));
            }
            row.addAll(List.of(entry.action(), entry.entityType(), changes(entry)));
            rows.add(row);
        }
        List<String> columns = new ArrayList<>(List.of(text.get("export.trail.col.when"),
                text.get("export.trail.col.who")));
        List<Integer> weights = new ArrayList<>(List.of(5, 4));
        if (withAddress) {
            columns.add(text.get("export.trail.col.address"));
            weights.add(4);
        }
        columns.addAll(List.of(text.get("export.trail.col.action"), text.get("export.trail.col.record"),
                text.get("export.trail.col.change")));
        weights.addAll(List.of(7, 6, 12));
        return SectionContent.table(text.get("export.summary.trail"), columns, weights, rows,
                text.get("export.summary.trailNone"));
    }

    /** The trail is read in pages, newest first, like the API serves it. */
    private List<TrailEntry> allEntries(Engagement engagement, AuthenticatedUser reader) {
        List<TrailEntry> entries = new ArrayList<>();
        int page = 0;
        PageOf<TrailEntry> batch;
        do {
            batch = trail.of(engagement.id(), new TrailFilter(null, null), PageRequest.of(page++, PageRequest.MAX_SIZE),
                    reader);
            entries.addAll(batch.items());
        } while (entries.size() < batch.total() && !batch.items().isEmpty());
        return entries;
    }

    private String changes(TrailEntry entry) {
        return trail.changesOf(entry).stream()
                .map(change -> change.field() + ": " + (change.before() == null ? "" : change.before() + " → ")
                        + ExportText.orNone(change.after()))
                .collect(Collectors.joining("\n"));
    }
}
