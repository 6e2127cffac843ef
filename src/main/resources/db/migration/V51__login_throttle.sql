-- Sign-in throttling shared by every node. User names are stored as SHA-256 hashes of their lower-case
-- form: whatever was typed into the name field (sometimes a password) is never kept in clear.
create table login_failure (
    name_hash varchar(64) not null,
    failed_at timestamp   not null
);
create index ix_login_failure_name on login_failure (name_hash, failed_at);

create table login_lockout (
    name_hash    varchar(64) primary key,
    locked_until timestamp   not null
);
