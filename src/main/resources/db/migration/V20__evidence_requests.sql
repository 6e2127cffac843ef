-- Evidence requests (PBC lists), their comment thread and the uploaded evidence files.

-- one item of an engagement's PBC list; number gives the stable reference PBC-001 within the engagement
create table evidence_request (
    id                  uuid          primary key,
    engagement_id       uuid          not null references engagement (id),
    number              int           not null,
    title               varchar(200)  not null,
    description         varchar(4000),
    -- a client user of the engagement's organisation; null: the organisation as a whole
    owner_username      varchar(64)   references app_user (username),
    due_date            date          not null,
    -- the evidence covers a period (Type II, ISO records) or shows a state as of a date (Type I, policies)
    period_start        date,
    period_end          date,
    as_of_date          date,
    status              varchar(16)   not null,
    -- the evidence-request process instance, started here or called from an audit process
    process_instance_id varchar(64),
    -- clients see a request only once it has been shared
    shared_at           timestamp,
    created_by          varchar(64)   not null references app_user (username),
    created_at          timestamp     not null,
    updated_at          timestamp     not null,
    constraint uq_evidence_request_number unique (engagement_id, number)
);
create index ix_evidence_request_engagement on evidence_request (engagement_id);
create index ix_evidence_request_process on evidence_request (process_instance_id);

-- the controls a request gives evidence for (Annex A control, ISO clause or trust services criterion ids)
create table evidence_request_control (
    request_id uuid        not null references evidence_request (id),
    control_id varchar(20) not null,
    primary key (request_id, control_id)
);

-- the thread of a request: comments, and what happened (submitted, accepted, rejected with the reason, reminded,
-- cancelled); author is null for entries written by the process itself
create table evidence_thread_entry (
    id         uuid          primary key,
    request_id uuid          not null references evidence_request (id),
    kind       varchar(16)   not null,
    author     varchar(64)   references app_user (username),
    body       varchar(4000),
    created_at timestamp     not null
);
create index ix_evidence_thread_request on evidence_thread_entry (request_id, created_at);

-- content-addressed file contents: identical bytes are stored once, whoever uploads them. A row here is written
-- only after all of its chunks, so its presence means the content is complete.
create table evidence_content (
    sha256      varchar(64) primary key,
    -- the key of the chunks: each storing attempt writes under a fresh one, so attempts never collide
    chunks_id   uuid        not null,
    size_bytes  bigint      not null,
    chunk_count int         not null,
    created_at  timestamp   not null,
    constraint uq_evidence_content_chunks unique (chunks_id)
);

-- the bytes in chunks of 256 KiB, each committed on its own, so that neither writing nor reading ever holds a
-- whole file in memory, on H2 and PostgreSQL alike (bytea is a PostgreSQL type and an H2 alias of binary varying).
-- No foreign key: the chunks exist before their content row does.
create table evidence_content_chunk (
    chunks_id uuid  not null,
    seq       int   not null,
    data      bytea not null,
    primary key (chunks_id, seq)
);

-- every upload is a new immutable version; rows are only ever inserted
create table evidence_file (
    id            uuid         primary key,
    request_id    uuid         not null references evidence_request (id),
    version       int          not null,
    filename      varchar(255) not null,
    content_type  varchar(100) not null,
    sha256        varchar(64)  not null references evidence_content (sha256),
    size_bytes    bigint       not null,
    -- when the evidence was produced, as the uploader states it; uploaded_at is when it reached us
    evidence_date date,
    uploaded_by   varchar(64)  not null references app_user (username),
    uploaded_at   timestamp    not null,
    constraint uq_evidence_file_version unique (request_id, version)
);
create index ix_evidence_file_request on evidence_file (request_id);
