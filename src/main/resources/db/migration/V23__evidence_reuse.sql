-- A version attached by reusing accepted evidence of another request points at the version it came from; its
-- bytes are the same stored content (same sha256), never a copy.
alter table evidence_file add column reused_from uuid;
