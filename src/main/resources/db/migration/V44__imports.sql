-- Imports (issue #15): the records an import wrote carry it as their source, and an
-- external id (the old system's key) to match on when the same file comes again.
alter table accounts add column import_id uuid, add column external_id varchar(100);
alter table contacts add column import_id uuid, add column external_id varchar(100);
alter table opportunities add column import_id uuid, add column external_id varchar(100);
create unique index accounts_external_id_idx on accounts (external_id) where external_id is not null;
create unique index contacts_external_id_idx on contacts (external_id) where external_id is not null;
create unique index opportunities_external_id_idx on opportunities (external_id) where external_id is not null;
create index accounts_import_idx on accounts (import_id) where import_id is not null;
create index contacts_import_idx on contacts (import_id) where import_id is not null;
create index opportunities_import_idx on opportunities (import_id) where import_id is not null;
create index contacts_email_lower_idx on contacts (lower(email)) where email is not null and deleted_at is null;
create index accounts_domain_lower_idx on accounts (domain) where domain is not null and deleted_at is null;
create index accounts_name_lower_idx on accounts (lower(name)) where deleted_at is null;

-- One import: its file, its mapping and how far it got.
create table import_jobs (
    id            uuid primary key,
    target        varchar(20) not null check (target in ('ACCOUNT', 'CONTACT', 'OPPORTUNITY')),
    file_name     varchar(255) not null,
    file_format   varchar(10) not null,
    sheet         varchar(255),
    file_size     bigint not null,
    headers       jsonb not null,
    settings      jsonb not null,
    status        varchar(12) not null check (status in ('DRAFT', 'QUEUED', 'RUNNING', 'COMPLETED', 'FAILED',
                      'CANCELLED', 'UNDOING', 'UNDONE')),
    total_rows    integer not null,
    processed     integer not null default 0,
    created_count integer not null default 0,
    updated_count integer not null default 0,
    skipped_count integer not null default 0,
    rejected_count integer not null default 0,
    undone_count  integer not null default 0,
    kept_count    integer not null default 0,
    cancel_requested boolean not null default false,
    failure       text,
    started_at    timestamp with time zone,
    finished_at   timestamp with time zone,
    undone_at     timestamp with time zone,
    undone_by     uuid,
    created_at    timestamp with time zone not null,
    created_by    uuid not null,
    updated_at    timestamp with time zone not null,
    updated_by    uuid not null,
    version       bigint not null default 0
);
create index import_jobs_creator_idx on import_jobs (created_by, created_at desc);

-- The uploaded file, kept until the import is undone or deleted (any node may run it).
create table import_files (
    import_id  uuid primary key references import_jobs (id) on delete cascade,
    content    bytea not null
);

-- What happened to each row: the record it created or updated (with the values before,
-- for undo, and the version it left, to tell later edits), or why it was refused. A row
-- may write more than one record (a deal and the account it named, created with it).
create table import_rows (
    id            uuid primary key,
    import_id     uuid not null references import_jobs (id) on delete cascade,
    row_number    integer not null,
    record_type   varchar(20),
    outcome       varchar(10) not null check (outcome in ('CREATED', 'UPDATED', 'SKIPPED', 'REJECTED', 'UNDONE', 'KEPT')),
    record_id     uuid,
    written_version bigint,
    before_values jsonb,
    message       text
);
create index import_rows_import_idx on import_rows (import_id, row_number);

-- Mappings saved by name for the next file of the same kind.
create table import_templates (
    id          uuid primary key,
    target      varchar(20) not null,
    name        varchar(100) not null,
    settings    jsonb not null,
    created_at  timestamp with time zone not null,
    created_by  uuid not null,
    updated_at  timestamp with time zone not null,
    updated_by  uuid not null,
    version     bigint not null default 0
);
create unique index import_templates_name_idx on import_templates (target, lower(name));

-- Values mapped once (a file's "Tecnology" to the industry Technology) are offered again.
create table import_value_mappings (
    target       varchar(20) not null,
    field        varchar(60) not null,
    source_value varchar(255) not null,
    target_value varchar(255) not null,
    updated_at   timestamp with time zone not null,
    updated_by   uuid not null,
    primary key (target, field, source_value)
);
