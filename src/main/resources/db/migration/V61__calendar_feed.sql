-- One secret calendar feed per user. Only the SHA-256 of the token is kept: the token itself is shown once,
-- when it is created. Revoking deletes the row; regenerating replaces the hash, so the old URL answers 404.
create table calendar_feed (
    username   varchar(64) primary key references app_user (username),
    token_hash varchar(64) not null,
    created_at timestamp   not null,
    constraint uq_calendar_feed_token unique (token_hash)
);
