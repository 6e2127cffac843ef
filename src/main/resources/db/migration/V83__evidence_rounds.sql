-- An audit's evidence collection: the requests generated or drafted while it is open belong to it, and the audit's
-- "Collect evidence" step checks them before the fieldwork (docs/evidence.md, "Evidence rounds").
-- The id is the caller's: for ISO/IEC 27001 the audit's id (iso_audit.id).
create table evidence_round (
    id              uuid            primary key,
    engagement_id   uuid            not null references engagement (id),
    label           varchar(200)    not null,
    opened_at       timestamp       not null,
    closed_at       timestamp,
    closing_note    varchar(4000)
);

create index evidence_round_engagement on evidence_round (engagement_id);

alter table evidence_request add column round_id uuid references evidence_round (id);

create index evidence_request_round on evidence_request (round_id);
