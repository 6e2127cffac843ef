-- Every notification sent (new task, reminder, escalation, digest), one row per recipient and occasion. The unique
-- key is the "never twice" guarantee: a sender inserts the row before sending, in one transaction, so a second
-- node or a second scan finds it and sends nothing. due_date is the due date the notice is about (a moved due
-- date is a new occasion); a notice without one (a task with no due date, a digest) uses the day it is about.
create table sent_notification (
    id            uuid          primary key,
    recipient     varchar(64)   not null references app_user (username),
    kind          varchar(30)   not null,
    subject_id    varchar(200)  not null,
    due_date      date          not null,
    engagement_id uuid,
    sent_at       timestamp     not null,
    constraint uq_sent_notification unique (recipient, kind, subject_id, due_date)
);
create index ix_sent_notification_sent_at on sent_notification (sent_at);

-- per-user choices; a user without a row gets the defaults (no digest: each reminder by itself)
create table notification_preference (
    username     varchar(64) primary key references app_user (username),
    daily_digest boolean     not null,
    updated_at   timestamp   not null
);
