package org.auditmanager.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.auditmanager.common.ConflictException;
import org.auditmanager.common.ForbiddenException;
import org.auditmanager.common.InvalidInputException;
import org.auditmanager.common.NotFoundException;
import org.auditmanager.security.AuthenticatedUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Uploading and downloading evidence. An upload is staged to a temporary file while its SHA-256 is computed,
 * its type is sniffed from its first bytes and checked against the allow-list, its bytes go to the
 * {@link EvidenceStore} (once per distinct content) and it becomes the request's next immutable version. Nothing
 * is stored of an upload that is refused. Uploading is not submitting: the client hands the evidence over by
 * completing the request's "Provide evidence" task.
 */
@Service
public class EvidenceFiles {

    /** A version's facts and its bytes, to be streamed to the person and then closed. */
    public record Download(EvidenceFile file, InputStream content) {
    }

    private final EvidenceAccess access;
    private final EvidenceRequestRepository requests;
    private final EvidenceFileRepository files;
    private final EvidenceStore store;
    private final ContentSniffer sniffer;
    private final EvidenceProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    EvidenceFiles(EvidenceAccess access, EvidenceRequestRepository requests, EvidenceFileRepository files,
                  EvidenceStore store, ContentSniffer sniffer, EvidenceProperties properties,
                  PlatformTransactionManager transactionManager, Clock clock) {
        this.access = access;
        this.requests = requests;
        this.files = files;
        this.store = store;
        this.sniffer = sniffer;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /**
     * Stores one upload as the request's next version. Not one transaction: the bytes are committed by the store
     * first, the version row after, in a short transaction that holds the request's lock.
     */
    public EvidenceFile upload(UUID requestId, String submittedName, LocalDate evidenceDate, InputStream content,
                               AuthenticatedUser user) {
        EvidenceAccess.Scoped scoped = access.view(requestId, user);
        requireUploadAllowed(scoped.request().status(), scoped, user);
        if (evidenceDate != null && evidenceDate.isAfter(LocalDate.now(clock))) {
            throw new InvalidInputException("The evidence date cannot be in the future.",
                    Map.of("evidenceDate", "The evidence date cannot be in the future."));
        }
        String filename = FileNames.sanitise(submittedName);
        try (StagedUpload staged = StagedUpload.of(content, properties.maxFileSize())) {
            ContentSniffer.Detected type = sniffer.sniff(staged.file(), filename);
            if (!properties.allowedContentTypes().contains(type.mediaType())) {
                throw EvidenceFileRejected.unsupportedType(type.toString());
            }
            try (InputStream bytes = staged.open()) {
                store.put(staged.sha256(), staged.size(), bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return transaction.execute(status -> {
                requireUploadAllowed(requests.lock(requestId).orElseThrow(), scoped, user);
                return files.insertNextVersion(requestId, filename, type.mediaType(), staged.sha256(), staged.size(),
                        evidenceDate, user.getUsername(), clock.instant());
            });
        }
    }

    public Download download(UUID requestId, UUID versionId, AuthenticatedUser user) {
        access.view(requestId, user);
        EvidenceFile file = files.find(requestId, versionId).orElseThrow(() -> new NotFoundException("Evidence file"));
        return new Download(file, store.open(file.sha256()));
    }

    /** Checked again under the request's lock: the auditor may have accepted it while the bytes travelled. */
    private void requireUploadAllowed(EvidenceStatus status, EvidenceAccess.Scoped scoped, AuthenticatedUser user) {
        EvidenceAccess.Scoped current = new EvidenceAccess.Scoped(scoped.request().withStatus(status),
                scoped.engagement());
        if (access.mayUpload(current, user)) {
            return;
        }
        String reference = scoped.request().reference();
        if (status.isFinal()) {
            throw new ConflictException("%s is %s; its evidence no longer changes.".formatted(reference,
                    status.name().toLowerCase()));
        }
        if (user.isClient()) {
            throw new ConflictException(("The evidence for %s is with the auditor for review; you can add files "
                    + "again if it is sent back.").formatted(reference));
        }
        throw new ForbiddenException("Only the client and the engagement's auditors can add evidence to " + reference
                + ".");
    }
}
