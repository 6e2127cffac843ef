package org.auditmanager.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.auditmanager.common.InvalidInputException;
import org.springframework.util.unit.DataSize;

/**
 * An upload copied to a temporary file while its SHA-256 and size are computed in the same pass: the content
 * address is known before anything reaches the store, and memory holds one buffer, never the file. Closing it
 * deletes the temporary file.
 */
final class StagedUpload implements AutoCloseable {

    private static final int BUFFER = 64 * 1024;

    private final Path file;
    private final String sha256;
    private final long size;

    private StagedUpload(Path file, String sha256, long size) {
        this.file = file;
        this.sha256 = sha256;
        this.size = size;
    }

    /** Copies the stream; stops reading and keeps nothing as soon as it exceeds {@code limit}. */
    static StagedUpload of(InputStream content, DataSize limit) {
        Path file = null;
        try {
            file = Files.createTempFile("evidence-", ".upload");
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            long size = 0;
            byte[] buffer = new byte[BUFFER];
            try (OutputStream out = Files.newOutputStream(file)) {
                int read;
                while ((read = content.read(buffer)) != -1) {
                    size += read;
                    if (size > limit.toBytes()) {
                        throw EvidenceFileRejected.tooLarge(limit);
                    }
                    digest.update(buffer, 0, read);
                    out.write(buffer, 0, read);
                }
            }
            if (size == 0) {
                throw new InvalidInputException("The file is empty; nothing was stored.");
            }
            StagedUpload staged = new StagedUpload(file, HexFormat.of().formatHex(digest.digest()), size);
            file = null;
            return staged;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage the upload", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        } finally {
            if (file != null) {
                delete(file);
            }
        }
    }

    Path file() {
        return file;
    }

    String sha256() {
        return sha256;
    }

    long size() {
        return size;
    }

    InputStream open() {
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        delete(file);
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the staged upload " + file, e);
        }
    }
}
