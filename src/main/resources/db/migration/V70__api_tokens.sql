-- Personal API tokens: an alternative to HTTP Basic for scripts on /api/**. Only the SHA-256 of a token is
-- kept; the token itself is shown once, when it is made. A revoked token stays as a record of what existed.
create table api_token (
    id           uuid         primary key,
    username     varchar(64)  not null references app_user (username),
    name         varchar(100) not null,
    -- SHA-256 of the whole token, hex; the token has 256 random bits, so an unsalted hash is enough
    token_hash   varchar(64)  not null,
    -- the first characters of the token, so that its owner recognises it in the list
    token_prefix varchar(16)  not null,
    created_at   timestamp    not null,
    last_used_at timestamp,
    revoked_at   timestamp,
    constraint uq_api_token_hash unique (token_hash)
);
create index ix_api_token_user on api_token (username);
