-- Our own business data. The process engine keeps its ACT_* tables to itself; process variables hold
-- only the ids of rows here.

create table organisation (
    id               uuid          primary key,
    name             varchar(200)  not null,
    persons_in_scope int,
    sites            varchar(2000),
    created_at       timestamp     not null,
    constraint uq_organisation_name unique (name)
);

create table app_user (
    username        varchar(64)   primary key,
    display_name    varchar(200)  not null,
    email           varchar(320),
    password_hash   varchar(100)  not null,
    organisation_id uuid          references organisation (id),
    enabled         boolean       not null,
    last_login_at   timestamp,
    created_at      timestamp     not null
);

create table app_user_role (
    username varchar(64) not null references app_user (username),
    role     varchar(32) not null,
    primary key (username, role)
);

create table engagement (
    id                  uuid          primary key,
    reference           varchar(20)   not null,
    organisation_id     uuid          not null references organisation (id),
    framework           varchar(16)   not null,
    kind                varchar(32)   not null,
    title               varchar(200)  not null,
    scope               varchar(4000) not null,
    status              varchar(40)   not null,
    lead_auditor        varchar(64)   references app_user (username),
    as_of_date          date,
    period_start        date,
    period_end          date,
    tsc_categories      varchar(200),
    process_instance_id varchar(64),
    created_by          varchar(64)   not null,
    created_at          timestamp     not null,
    updated_at          timestamp     not null,
    constraint uq_engagement_reference unique (reference)
);
create index ix_engagement_organisation on engagement (organisation_id);

-- who works on an engagement, and as what (lead auditor, auditor, decision maker, quality reviewer)
create table engagement_member (
    engagement_id uuid        not null references engagement (id),
    username      varchar(64) not null references app_user (username),
    team_role     varchar(32) not null,
    primary key (engagement_id, username, team_role)
);
create index ix_engagement_member_user on engagement_member (username);

-- a single row, updated in the creating transaction: its row lock serialises reference numbers on every node
create table engagement_reference_counter (
    id         int primary key,
    ref_year   int not null,
    last_value int not null
);
insert into engagement_reference_counter (id, ref_year, last_value) values (1, 0, 0);

-- key dates of an engagement: planned, due and actual
create table engagement_milestone (
    engagement_id uuid         not null references engagement (id),
    milestone_key varchar(60)  not null,
    label         varchar(200) not null,
    planned_date  date,
    due_date      date,
    actual_date   date,
    primary key (engagement_id, milestone_key)
);

-- every completed task form, as submitted: who, when, what (never updated)
create table task_submission (
    id            uuid           primary key,
    task_id       varchar(64)    not null,
    task_key      varchar(100)   not null,
    task_name     varchar(200)   not null,
    engagement_id uuid           not null references engagement (id),
    form_id       varchar(100),
    values_json   varchar(100000) not null,
    submitted_by  varchar(64)    not null,
    submitted_at  timestamp      not null
);
create index ix_task_submission_engagement on task_submission (engagement_id);
