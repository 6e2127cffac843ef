package org.auditmanager.evidence;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.support.SqlBinaryValue;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Evidence bytes in the database, so that every node of a cluster sees the same files. Chunks of
 * {@link #CHUNK_SIZE} are the most either direction holds in memory (PostgreSQL reads a whole bytea value into
 * memory, so one value per file would not do). Each chunk is committed on its own, because a database keeps an
 * open transaction's rows in memory (H2 held about 150 MB more of a 200 MB file written in one transaction); the
 * content row, written last, marks the bytes complete. Chunks of an attempt that failed half-way are removed;
 * only a crash in the middle leaves chunks no content row points to.
 */
@Component
class DatabaseEvidenceStore implements EvidenceStore {

    /** Below half a G1 region of a small heap, so chunks are not "humongous" objects. */
    static final int CHUNK_SIZE = 256 * 1024;

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    DatabaseEvidenceStore(JdbcClient jdbc, PlatformTransactionManager transactionManager, Clock clock) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    @Override
    public void put(String sha256, long size, InputStream content) {
        if (contains(sha256)) {
            return;
        }
        UUID chunksId = UUID.randomUUID();
        int chunks = (int) ((size + CHUNK_SIZE - 1) / CHUNK_SIZE);
        try {
            long remaining = size;
            for (int seq = 0; seq < chunks; seq++) {
                int length = (int) Math.min(CHUNK_SIZE, remaining);
                SqlBinaryValue data = new SqlBinaryValue(new ExactLengthStream(content, length), length);
                int chunk = seq;
                ownTransaction.executeWithoutResult(status ->
                        jdbc.sql("insert into evidence_content_chunk (chunks_id, seq, data) values (:id, :seq, :data)")
                                .param("id", chunksId).param("seq", chunk).param("data", data).update());
                remaining -= length;
            }
            ownTransaction.executeWithoutResult(status -> jdbc.sql("""
                            insert into evidence_content (sha256, chunks_id, size_bytes, chunk_count, created_at)
                            values (:sha256, :id, :size, :chunks, :now)""")
                    .param("sha256", sha256).param("id", chunksId).param("size", size).param("chunks", chunks)
                    .param("now", Timestamp.from(clock.instant())).update());
        } catch (DuplicateKeyException sameBytesStoredMeanwhile) {
            // another upload of the same bytes completed first: they are stored, ours are surplus
            removeChunks(chunksId);
        } catch (RuntimeException e) {
            removeChunks(chunksId);
            throw e;
        }
    }

    @Override
    public InputStream open(String sha256) {
        return jdbc.sql("select chunks_id, chunk_count from evidence_content where sha256 = :sha256")
                .param("sha256", sha256)
                .query((rs, n) -> new ChunkStream(rs.getObject(1, UUID.class), rs.getInt(2)))
                .optional()
                .orElseThrow(() -> new IllegalStateException("no stored content " + sha256));
    }

    private boolean contains(String sha256) {
        return jdbc.sql("select count(*) from evidence_content where sha256 = :sha256")
                .param("sha256", sha256).query(Integer.class).single() > 0;
    }

    private void removeChunks(UUID chunksId) {
        ownTransaction.executeWithoutResult(status ->
                jdbc.sql("delete from evidence_content_chunk where chunks_id = :id").param("id", chunksId).update());
    }

    private byte[] chunk(UUID chunksId, int seq) {
        return jdbc.sql("select data from evidence_content_chunk where chunks_id = :id and seq = :seq")
                .param("id", chunksId).param("seq", seq)
                .query((rs, n) -> rs.getBytes(1)).single();
    }

    /** Reads the chunks one after the other, fetching the next only when the current one is used up. */
    private final class ChunkStream extends InputStream {

        private final UUID chunksId;
        private final int chunks;
        private int next;
        private byte[] current = new byte[0];
        private int position;

        ChunkStream(UUID chunksId, int chunks) {
            this.chunksId = chunksId;
            this.chunks = chunks;
        }

        @Override
        public int read() {
            if (!ensureData()) {
                return -1;
            }
            return current[position++] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            if (!ensureData()) {
                return -1;
            }
            int count = Math.min(length, current.length - position);
            System.arraycopy(current, position, buffer, offset, count);
            position += count;
            return count;
        }

        private boolean ensureData() {
            while (position == current.length) {
                if (next == chunks) {
                    return false;
                }
                current = chunk(chunksId, next++);
                position = 0;
            }
            return true;
        }
    }

    /** Exactly {@code length} bytes of the underlying stream, for one chunk; running short is an error. */
    private static final class ExactLengthStream extends InputStream {

        private final InputStream source;
        private long remaining;

        ExactLengthStream(InputStream source, long length) {
            this.source = source;
            this.remaining = length;
        }

        @Override
        public int read() throws IOException {
            if (remaining == 0) {
                return -1;
            }
            int value = source.read();
            if (value < 0) {
                throw new EOFException("content ended before its stated size");
            }
            remaining--;
            return value;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (remaining == 0) {
                return -1;
            }
            int count = source.read(buffer, offset, (int) Math.min(length, remaining));
            if (count < 0) {
                throw new EOFException("content ended before its stated size");
            }
            remaining -= count;
            return count;
        }
    }
}
