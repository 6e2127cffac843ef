-- Append-only, hash-chained record of every state change: each entry carries the hash of the one before, so
-- changing or removing any row breaks the chain from there on (GET /api/audit-trail/verify finds it).
create table audit_trail (
    seq             bigint        primary key,
    id              uuid          not null,
    occurred_at     timestamp     not null,
    actor           varchar(64)   not null,
    actor_ip        varchar(64),
    engagement_id   uuid,
    organisation_id uuid,
    entity_type     varchar(40)   not null,
    entity_id       varchar(64)   not null,
    action          varchar(60)   not null,
    before_json     varchar(20000),
    after_json      varchar(20000),
    previous_hash   varchar(64)   not null,
    entry_hash      varchar(64)   not null,
    constraint uq_audit_trail_id unique (id)
);
create index ix_audit_trail_engagement on audit_trail (engagement_id, seq);

-- the head of the chain, one row: appending locks it, so entries are numbered and chained in one order on every node
create table audit_trail_head (
    id        int          primary key,
    last_seq  bigint       not null,
    last_hash varchar(64)  not null
);
insert into audit_trail_head (id, last_seq, last_hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
