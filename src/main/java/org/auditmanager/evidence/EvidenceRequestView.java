package org.auditmanager.evidence;

import java.util.List;

/** A request with its file versions (newest first) and its thread (oldest first). */
public record EvidenceRequestView(EvidenceRequest request, List<EvidenceFile> files, List<ThreadEntry> thread) {

    /** The reason of the latest rejection, for the client's next round; null if never rejected. */
    public ThreadEntry lastRejection() {
        return thread.stream().filter(entry -> entry.kind() == ThreadEntry.Kind.REJECTED)
                .reduce((first, second) -> second).orElse(null);
    }
}
