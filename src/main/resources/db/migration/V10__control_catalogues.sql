-- Control catalogues (ISO/IEC 27001:2022, Trust Services Criteria 2017) and the mappings between them, loaded
-- from src/main/resources/catalog/ at start-up by CatalogLoader. One row per catalogue version: the items of a
-- version are never rewritten, a changed file loads as a new version beside the old one.

create table catalog_version (
    id             varchar(80)   primary key,
    catalogue      varchar(40)   not null,
    title          varchar(200)  not null,
    authoritative  boolean       not null,
    provenance     varchar(4000) not null,
    -- mappings only: the catalogue versions the links go from and to
    maps_from      varchar(80)   references catalog_version (id),
    maps_to        varchar(80)   references catalog_version (id),
    -- SHA-256 of the loaded files: a different file under the same version id stops the start-up
    content_sha256 varchar(64)   not null,
    loaded_at      timestamp     not null
);

-- a clause or Annex A control (ISO), or a criterion (TSC)
create table catalog_item (
    catalog_version varchar(80)  not null references catalog_version (id),
    item_id         varchar(20)  not null,
    kind            varchar(20)  not null,
    title           varchar(300) not null,
    -- Annex A theme, TSC category, or the top-level clause
    item_group      varchar(60)  not null,
    parent_id       varchar(20),
    new_in_edition  boolean,
    coso_principle  varchar(8),
    sort_order      int          not null,
    primary key (catalog_version, item_id)
);

create table catalog_mapping (
    mapping_version varchar(80) not null references catalog_version (id),
    tsc_version     varchar(80) not null,
    tsc_id          varchar(20) not null,
    iso_version     varchar(80) not null,
    iso_id          varchar(20) not null,
    relationship    varchar(20) not null,
    sort_order      int         not null,
    primary key (mapping_version, tsc_id, iso_id),
    constraint fk_catalog_mapping_tsc foreign key (tsc_version, tsc_id) references catalog_item (catalog_version, item_id),
    constraint fk_catalog_mapping_iso foreign key (iso_version, iso_id) references catalog_item (catalog_version, item_id)
);
create index ix_catalog_mapping_iso on catalog_mapping (mapping_version, iso_id);
