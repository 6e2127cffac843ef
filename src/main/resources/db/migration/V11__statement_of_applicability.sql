-- Statement of Applicability (ISO/IEC 27001:2022, 6.1.3 d) of an ISO engagement, in versions: a draft is
-- edited, submitted and approved; an approved version is never changed again, a change is a new version.

create table soa_version (
    id              uuid         primary key,
    engagement_id   uuid         not null references engagement (id),
    version_no      int          not null,
    status          varchar(16)  not null,
    catalog_version varchar(80)  not null references catalog_version (id),
    based_on        uuid         references soa_version (id),
    created_by      varchar(64)  not null,
    created_at      timestamp    not null,
    updated_by      varchar(64)  not null,
    updated_at      timestamp    not null,
    submitted_by    varchar(64),
    submitted_at    timestamp,
    approved_by     varchar(64),
    approved_at     timestamp,
    constraint uq_soa_version unique (engagement_id, version_no)
);

-- one decision per Annex A control; a control without a row is not decided yet (a draft only)
create table soa_entry (
    soa_version_id        uuid          not null references soa_version (id),
    catalog_version       varchar(80)   not null,
    control_id            varchar(20)   not null,
    applicable            boolean       not null,
    justification         varchar(2000),
    implementation_status varchar(20),
    primary key (soa_version_id, control_id),
    constraint fk_soa_entry_control foreign key (catalog_version, control_id)
        references catalog_item (catalog_version, item_id)
);
