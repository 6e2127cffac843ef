package org.auditmanager.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.auditmanager.common.ConflictException;
import org.auditmanager.common.ForbiddenException;
import org.auditmanager.common.InvalidInputException;
import org.auditmanager.common.NotFoundException;
import org.auditmanager.security.AuthenticatedUser;
import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Service;

/**
 * Many requests at once: a client uploading files to several requests (and handing some over), an auditor
 * accepting several submitted requests. Each item succeeds or fails on its own, in its own transaction, and is
 * recorded per request exactly as a single action would be; the outcome lists what failed and why.
 */
@Service
public class EvidenceBulkActions {

    /** A file as it arrives, opened when it is stored. */
    public record IncomingFile(String filename, InputStreamSource content) {
    }

    /** What the client sends for one request: files, the date they were produced, whether to hand them over. */
    public record RequestUpload(UUID requestId, List<IncomingFile> files, LocalDate evidenceDate, boolean submit) {
    }

    /** Per request what was done, and the reasons for whatever failed. */
    public record Outcome(int filesStored, int requestsCompleted, List<String> failures) {
    }

    private final EvidenceFiles files;
    private final EvidenceTasks tasks;
    private final EvidenceRequests requests;

    EvidenceBulkActions(EvidenceFiles files, EvidenceTasks tasks, EvidenceRequests requests) {
        this.files = files;
        this.tasks = tasks;
        this.requests = requests;
    }

    public Outcome upload(List<RequestUpload> uploads, AuthenticatedUser user) {
        int stored = 0;
        int submitted = 0;
        List<String> failures = new ArrayList<>();
        for (RequestUpload upload : uploads) {
            String reference = reference(upload.requestId(), user);
            boolean allStored = true;
            for (IncomingFile file : upload.files()) {
                try (InputStream content = file.content().getInputStream()) {
                    files.upload(upload.requestId(), file.filename(), upload.evidenceDate(), content, user);
                    stored++;
                } catch (EvidenceFileRejected e) {
                    allStored = false;
                    failures.add(reference + " · " + file.filename() + ": " + e.reason());
                } catch (ConflictException | ForbiddenException | InvalidInputException | NotFoundException e) {
                    allStored = false;
                    failures.add(reference + " · " + file.filename() + ": " + e.getMessage());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            if (upload.submit() && allStored) {
                submitted += attempt(reference, () -> tasks.submit(upload.requestId(), Map.of(), user), failures);
            } else if (upload.submit()) {
                failures.add(reference + ": not handed over, because a file was refused.");
            }
        }
        return new Outcome(stored, submitted, failures);
    }

    /**
     * Accepts the evidence of each of an engagement's requests as its own review decision, with the same reason
     * for all.
     */
    public Outcome accept(UUID engagementId, List<UUID> requestIds, String reason, AuthenticatedUser user) {
        if (!requests.mayManageRequestsOf(engagementId, user)) {
            throw new ForbiddenException("Only the engagement's auditors can accept its evidence.");
        }
        if (requestIds.isEmpty()) {
            throw new InvalidInputException("Choose the submitted requests to accept.");
        }
        int accepted = 0;
        List<String> failures = new ArrayList<>();
        for (UUID id : requestIds.stream().distinct().toList()) {
            accepted += attempt(reference(id, user), () -> {
                if (!engagementId.equals(requests.get(id, user).engagementId())) {
                    throw new NotFoundException("Evidence request");
                }
                tasks.review(id, EvidenceProcess.ACCEPT, reason, user);
            }, failures);
        }
        return new Outcome(0, accepted, failures);
    }

    /** 1 when the action succeeded; otherwise 0 and its reason in the failures. */
    private static int attempt(String reference, Runnable action, List<String> failures) {
        try {
            action.run();
            return 1;
        } catch (ConflictException | ForbiddenException | InvalidInputException | NotFoundException e) {
            failures.add(reference + ": " + e.getMessage());
            return 0;
        }
    }

    private String reference(UUID requestId, AuthenticatedUser user) {
        try {
            return requests.get(requestId, user).reference();
        } catch (NotFoundException e) {
            return requestId.toString();
        }
    }
}
