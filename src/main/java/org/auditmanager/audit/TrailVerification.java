package org.auditmanager.audit;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recomputes the whole chain in order and names the first entry that does not hold: its hash differs from its
 * content, it does not point at its predecessor's hash, or entries are missing before it.
 */
@Service
public class TrailVerification {

    private static final int BATCH = 1_000;

    private final TrailRepository repository;

    TrailVerification(TrailRepository repository) {
        this.repository = repository;
    }

    public record Result(boolean intact, long entries, Long firstBrokenSeq, UUID firstBrokenId, String problem) {
    }

    @Transactional(readOnly = true)
    public Result verify() {
        long expectedSeq = 1;
        String previousHash = null;
        long checked = 0;
        List<TrailEntry> batch = repository.after(0, BATCH);
        while (!batch.isEmpty()) {
            for (TrailEntry entry : batch) {
                String problem = problemOf(entry, expectedSeq, previousHash);
                if (problem != null) {
                    return new Result(false, checked, entry.seq(), entry.id(), problem);
                }
                previousHash = entry.entryHash();
                expectedSeq = entry.seq() + 1;
                checked++;
            }
            batch = repository.after(batch.get(batch.size() - 1).seq(), BATCH);
        }
        TrailRepository.Head head = repository.head();
        if (checked > 0 && (head.lastSeq() != expectedSeq - 1 || !head.lastHash().equals(previousHash))) {
            return new Result(false, checked, expectedSeq, null, "entries after " + (expectedSeq - 1) + " are missing");
        }
        return new Result(true, checked, null, null, null);
    }

    private static String problemOf(TrailEntry entry, long expectedSeq, String previousHash) {
        if (entry.seq() != expectedSeq) {
            return "entries " + expectedSeq + " to " + (entry.seq() - 1) + " are missing";
        }
        if (previousHash != null && !previousHash.equals(entry.previousHash())) {
            return "does not point at the hash of the entry before it";
        }
        if (!EntryHash.of(entry).equals(entry.entryHash())) {
            return "its content no longer matches its hash";
        }
        return null;
    }
}
