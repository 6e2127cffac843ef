-- SOC 2 examinations: one row per SOC 2 engagement, its control matrix, samples, subservice organisations and
-- bridge letters. The soc2-examination process holds only ids; everything it decides on lives here.

create table soc2_examination (
    engagement_id                uuid           primary key references engagement (id),
    kind                         varchar(16)    not null,
    as_of_date                   date,
    period_start                 date,
    period_end                   date,
    readiness_designers          varchar(1000),
    independence_conflicts       varchar(4000),
    management_signatory         varchar(200),
    engagement_letter_reference  varchar(200),
    engagement_letter_signed_on  date,
    engagement_letter_approved   boolean        not null,
    tsc_categories               varchar(200),
    system_boundaries            varchar(4000),
    cuecs                        varchar(4000),
    matrix_confirmed             boolean        not null,
    readiness_findings           varchar(4000),
    proposed_opinion             varchar(16),
    proposal_reason              varchar(4000),
    opinion                      varchar(16),
    opinion_rationale            varchar(4000),
    assertion_signatory          varchar(200),
    assertion_signed_on          date,
    system_description_reference varchar(200),
    representation_letter_dated  date,
    draft_report_reference       varchar(200),
    quality_reviewed_by          varchar(64),
    partner_signed_by            varchar(64),
    report_status                varchar(24)    not null,
    report_due                   date           not null,
    report_date                  date,
    report_reference             varchar(200),
    overdue_escalated            boolean        not null,
    rollover_decided_by          varchar(64),
    rolled_over_from             uuid           references engagement (id),
    rolled_over_to               uuid           references engagement (id)
);

-- the client's controls mapped to trust services criteria, with the results of testing them
create table soc2_control (
    id                   uuid          primary key,
    engagement_id        uuid          not null references engagement (id),
    position             int           not null,
    reference            varchar(40)   not null,
    description          varchar(2000) not null,
    frequency            varchar(24)   not null,
    criteria             varchar(2000) not null,
    population_size      int,
    population_source    varchar(200),
    design_result        varchar(16),
    design_evidence      varchar(200),
    design_date          date,
    design_flag          varchar(1000),
    sample_seed          bigint,
    sample_size          int,
    test_result          varchar(16),
    deviations           int,
    test_notes           varchar(4000),
    management_response  varchar(4000),
    constraint uq_soc2_control_reference unique (engagement_id, reference)
);
create index ix_soc2_control_engagement on soc2_control (engagement_id);

-- one sampled occurrence of a control: an evidence request to the client
create table soc2_sample (
    id                 uuid          primary key,
    control_id         uuid          not null references soc2_control (id),
    item_index         int           not null,
    label              varchar(40)   not null,
    window_from        date          not null,
    window_to          date          not null,
    evidence_reference varchar(200),
    shown_from         date,
    shown_to           date,
    collected_on       date,
    self_dated         boolean,
    freshness_flag     varchar(2000)
);
create index ix_soc2_sample_control on soc2_sample (control_id);

create table soc2_subservice_organisation (
    id                   uuid          primary key,
    engagement_id        uuid          not null references engagement (id),
    position             int           not null,
    name                 varchar(200)  not null,
    method               varchar(16)   not null,
    csocs                varchar(4000),
    monitoring_described boolean       not null,
    written_assertion    boolean       not null,
    audit_firm           boolean       not null
);
create index ix_soc2_subservice_engagement on soc2_subservice_organisation (engagement_id);

-- management's bridge letters after the report, each within the allowed cover
create table soc2_bridge_letter (
    id               uuid          primary key,
    engagement_id    uuid          not null references engagement (id),
    cover_from       date          not null,
    cover_to         date          not null,
    material_changes varchar(4000) not null,
    signatory        varchar(200)  not null,
    signed_on        date          not null
);
create index ix_soc2_bridge_letter_engagement on soc2_bridge_letter (engagement_id);
