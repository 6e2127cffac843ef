-- ISO/IEC 27001 certification cycle (package iso): the audit programme, audits and their teams, findings and
-- nonconformities, certificates, decisions and the events raised on an engagement. Process variables hold only
-- the ids of these rows and the few flags the gateways need.

-- the application as reviewed, and the audit time derived from it (ISO/IEC 27006 chart)
create table iso_programme (
    engagement_id              uuid          primary key references engagement (id),
    persons_in_scope           int           not null,
    sites                      varchar(2000) not null,
    scope_statement            varchar(4000) not null,
    consultancy_ended_on       date,
    initial_audit_days         numeric(6, 1) not null,
    stage1_audit_days          numeric(6, 1) not null,
    stage2_audit_days          numeric(6, 1) not null,
    surveillance_audit_days    numeric(6, 1) not null,
    recertification_audit_days numeric(6, 1) not null,
    recorded_at                timestamp     not null
);

-- one audit of the cycle: Stage 1, Stage 2, surveillance, recertification or special
create table iso_audit (
    id               uuid          primary key,
    engagement_id    uuid          not null references engagement (id),
    cycle_no         int           not null,
    audit_type       varchar(20)   not null,
    status           varchar(20)   not null,
    planned_start    date,
    planned_end      date,
    actual_start     date,
    actual_end       date,
    audit_plan       varchar(4000),
    evidence_summary varchar(4000),
    report           varchar(8000),
    recommendation   varchar(20),
    signed_off_by    varchar(64),
    signed_off_on    date,
    opened_at        timestamp     not null
);
create index ix_iso_audit_engagement on iso_audit (engagement_id);

-- who audited: the lead auditor and everyone the plan names (the decision maker must not be among them)
create table iso_audit_member (
    audit_id uuid        not null references iso_audit (id),
    username varchar(64) not null,
    primary key (audit_id, username)
);

-- findings of an audit; major and minor nonconformities run their own process
create table iso_finding (
    id                      uuid          primary key,
    audit_id                uuid          not null references iso_audit (id),
    engagement_id           uuid          not null references engagement (id),
    category                varchar(20)   not null,
    clause                  varchar(40),
    description             varchar(4000) not null,
    status                  varchar(20)   not null,
    due_date                date,
    limit_date              date,
    correction              varchar(4000),
    root_cause              varchar(4000),
    corrective_action       varchar(4000),
    implementation_evidence varchar(4000),
    review_comment          varchar(4000),
    closed_on               date
);
create index ix_iso_finding_audit on iso_finding (audit_id);

-- certificates: one per granted, renewed or restored cycle; the newest is the engagement's current status
create table iso_certificate (
    id                   uuid          primary key,
    engagement_id        uuid          not null references engagement (id),
    certificate_number   varchar(60)   not null,
    cycle_no             int           not null,
    issue_date           date          not null,
    expiry_date          date          not null,
    scope_statement      varchar(4000) not null,
    soa_version          varchar(100)  not null,
    restored_after_lapse boolean       not null,
    status               varchar(20)   not null,
    status_since         date          not null,
    status_reason        varchar(4000),
    created_at           timestamp     not null,
    constraint uq_iso_certificate_number unique (certificate_number)
);
create index ix_iso_certificate_engagement on iso_certificate (engagement_id);

-- every decision of the cycle with its reason (ISO/IEC 17021-1 9.5.1.4: each certification decision is recorded)
create table iso_decision (
    id            uuid          primary key,
    engagement_id uuid          not null references engagement (id),
    audit_id      uuid          references iso_audit (id),
    kind          varchar(40)   not null,
    outcome       varchar(40)   not null,
    reason        varchar(4000),
    decided_by    varchar(64)   not null,
    decided_on    date          not null
);
create index ix_iso_decision_engagement on iso_decision (engagement_id);

-- events raised on the cycle (suspend, restore, withdraw, scope change, special audit), by a person or the process
create table iso_event (
    id            uuid          primary key,
    engagement_id uuid          not null references engagement (id),
    event_type    varchar(30)   not null,
    reason        varchar(4000) not null,
    raised_by     varchar(64)   not null,
    raised_at     timestamp     not null
);
create index ix_iso_event_engagement on iso_event (engagement_id);
