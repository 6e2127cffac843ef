package org.auditmanager.evidence;

import java.io.InputStream;

/**
 * Where the bytes of evidence files live, addressed by their SHA-256: identical bytes are stored once, and
 * stored bytes never change. The default implementation keeps them in the database, so that every node of a
 * cluster sees the same files; another store (an object store, say) replaces it by implementing this interface.
 */
public interface EvidenceStore {

    /**
     * Stores {@code size} bytes read from {@code content}, whose SHA-256 the caller has computed, unless bytes
     * with that hash are already stored. Reads the stream as it goes, never holding all of it in memory.
     */
    void put(String sha256, long size, InputStream content);

    /** The stored bytes, read as they are needed; the caller closes the stream. */
    InputStream open(String sha256);
}
