-- Platform: secrets the application generates once and every node shares, such as the key
-- that signs list cursors (keyset paging) when bellwether.paging.cursor-key is not set.
create table platform_secrets (
    name       text primary key,
    secret     bytea not null,
    created_at timestamp with time zone not null
);
