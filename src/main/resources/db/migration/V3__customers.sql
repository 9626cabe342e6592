-- Customers: accounts (companies) and their contacts. Owners are users, referred to by id only
-- (the identity module owns that table). Deleted records stay in the table, in the recycle bin,
-- until an administrator purges them.

create table accounts (
    id                   uuid primary key,
    name                 varchar(255) not null,
    website              varchar(255),
    domain               varchar(255),
    industry             varchar(60),
    phone                varchar(40),
    billing_street       varchar(255),
    billing_city         varchar(120),
    billing_state        varchar(120),
    billing_postal_code  varchar(20),
    country              char(2),
    employees            integer check (employees >= 0),
    annual_revenue       numeric(19, 2) check (annual_revenue >= 0),
    parent_id            uuid references accounts (id),
    owner_id             uuid not null,
    description          text,
    deleted_at           timestamp with time zone,
    deleted_by           uuid,
    created_at           timestamp with time zone not null,
    created_by           uuid,
    updated_at           timestamp with time zone not null,
    updated_by           uuid,
    version              bigint not null default 0,
    constraint accounts_not_own_parent check (parent_id is null or parent_id <> id)
);
create index accounts_owner_idx on accounts (owner_id) where deleted_at is null;
create index accounts_parent_idx on accounts (parent_id);
create index accounts_name_idx on accounts (lower(name), id) where deleted_at is null;
create index accounts_updated_idx on accounts (updated_at desc, id) where deleted_at is null;
create index accounts_name_trgm_idx on accounts using gin (lower(name) gin_trgm_ops);
create index accounts_domain_trgm_idx on accounts using gin (lower(domain) gin_trgm_ops);
create index accounts_deleted_idx on accounts (deleted_at) where deleted_at is not null;

create table contacts (
    id                 uuid primary key,
    first_name         varchar(80),
    last_name          varchar(80) not null,
    title              varchar(120),
    email              varchar(254),
    phone              varchar(40),
    mobile             varchar(40),
    account_id         uuid references accounts (id),
    owner_id           uuid not null,
    deleted_at         timestamp with time zone,
    deleted_by         uuid,
    -- set when the contact went to the recycle bin because its account did; restoring the
    -- account brings these contacts back with it
    deleted_with       uuid,
    created_at         timestamp with time zone not null,
    created_by         uuid,
    updated_at         timestamp with time zone not null,
    updated_by         uuid,
    version            bigint not null default 0
);
create index contacts_account_idx on contacts (account_id);
create index contacts_owner_idx on contacts (owner_id) where deleted_at is null;
create index contacts_name_idx on contacts (lower(last_name), lower(first_name), id) where deleted_at is null;
create index contacts_updated_idx on contacts (updated_at desc, id) where deleted_at is null;
create index contacts_name_trgm_idx on contacts using gin ((lower(coalesce(first_name, '') || ' ' || last_name)) gin_trgm_ops);
create index contacts_email_trgm_idx on contacts using gin (lower(email) gin_trgm_ops);
create index contacts_deleted_idx on contacts (deleted_at) where deleted_at is not null;
