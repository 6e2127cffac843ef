-- Sign-offs and approval decisions (lead auditor sign-off, certification decision, engagement quality review,
-- partner sign-off). A row is written once and never changed: signing again after a return is a new row with
-- the next version. summary_json is the summary the signer saw, summary_sha256 its SHA-256 (hex), so what was
-- signed can be proven later.
create table signoff (
    id                  uuid            primary key,
    engagement_id       uuid            not null references engagement (id),
    process_instance_id varchar(64)     not null,
    task_id             varchar(64)     not null,
    task_key            varchar(100)    not null,
    task_name           varchar(200)    not null,
    version             int             not null,
    decision            varchar(16)     not null,
    outcome             varchar(40)     not null,
    comment             varchar(4000),
    signed_by           varchar(64)     not null references app_user (username),
    signer_display_name varchar(200)    not null,
    typed_name          varchar(200)    not null,
    summary_json        varchar(200000) not null,
    summary_sha256      varchar(64)     not null,
    signed_at           timestamp       not null,
    constraint uq_signoff_version unique (engagement_id, process_instance_id, task_key, version),
    constraint uq_signoff_task unique (task_id),
    constraint ck_signoff_decision check (decision in ('APPROVE', 'RETURN', 'REFUSE'))
);
create index ix_signoff_engagement on signoff (engagement_id, signed_at);
