-- Identity: users, the manager hierarchy, and personal access tokens.

create table users (
    id                   uuid primary key,
    username             varchar(60) not null,
    full_name            varchar(120) not null,
    email                varchar(254) not null,
    title                varchar(120),
    role                 varchar(20) not null,
    manager_id           uuid references users (id),
    team                 varchar(80),
    region               varchar(80),
    active               boolean not null default true,
    hired_on             date,
    provisioned_at       timestamp with time zone not null,
    deactivated_at       timestamp with time zone,
    password_hash        varchar(255) not null,
    password_changed_at  timestamp with time zone,
    failed_logins        int not null default 0,
    locked_until         timestamp with time zone,
    last_login_at        timestamp with time zone,
    created_at           timestamp with time zone not null,
    created_by           uuid,
    updated_at           timestamp with time zone not null,
    updated_by           uuid,
    version              bigint not null default 0,
    constraint users_role_check check (role in ('ADMIN', 'EXECUTIVE', 'MANAGER', 'REP', 'SALES_ADMIN', 'MARKETING', 'SERVICE')),
    constraint users_not_own_manager check (manager_id is null or manager_id <> id)
);
create unique index users_username_uk on users (lower(username));
create unique index users_email_uk on users (lower(email));
create index users_manager_idx on users (manager_id);
create index users_name_trgm_idx on users using gin (lower(full_name) gin_trgm_ops);

create table api_tokens (
    id            uuid primary key,
    user_id       uuid not null references users (id),
    name          varchar(80) not null,
    token_hash    char(64) not null,
    token_prefix  varchar(16) not null,
    created_at    timestamp with time zone not null,
    expires_at    timestamp with time zone,
    last_used_at  timestamp with time zone,
    revoked_at    timestamp with time zone
);
create unique index api_tokens_hash_uk on api_tokens (token_hash);
create index api_tokens_user_idx on api_tokens (user_id);
