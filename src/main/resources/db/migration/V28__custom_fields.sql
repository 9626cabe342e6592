-- Custom fields (platform.customfield): the fields administrators add to accounts, contacts and
-- deals. The definitions are the platform's; each module keeps its records' values in a jsonb
-- column of its own table (key -> value), beside the text of its text-like values for the
-- global search. See docs/custom-fields.md.

create table custom_fields (
    id             uuid primary key,
    record_type    varchar(40) not null,
    -- derived from the first label, never changed, never reused (a retired field keeps it)
    field_key      varchar(60) not null,
    label          varchar(80) not null,
    field_type     varchar(20) not null,
    -- the choices of a pick list or multi-select, in order
    options        jsonb not null default '[]',
    required       varchar(20) not null default 'NEVER' check (required in ('NEVER', 'ALWAYS', 'FROM_STAGE')),
    -- for FROM_STAGE: the id of the stage from which on a deal needs a value
    required_from  varchar(60),
    help_text      varchar(500),
    position       integer not null,
    -- an expression index on the owning table sorts and ranges on it (created when set)
    indexed        boolean not null default false,
    retired_at     timestamp with time zone,
    retired_by     uuid,
    created_at     timestamp with time zone not null,
    created_by     uuid,
    updated_at     timestamp with time zone not null,
    updated_by     uuid,
    version        bigint not null default 0,
    constraint custom_fields_key_unique unique (record_type, field_key)
);
create index custom_fields_type_idx on custom_fields (record_type, position);

-- The values. A column with a constant default is added without rewriting the table.
alter table accounts add column custom jsonb not null default '{}', add column custom_text text;
alter table contacts add column custom jsonb not null default '{}', add column custom_text text;
alter table opportunities add column custom jsonb not null default '{}', add column custom_text text;

-- Equality filters (cf.<key>=value, as custom @> '{"key": value}'): one GIN index per table
-- serves every field; jsonb_path_ops is smaller and faster than the default for @>.
create index accounts_custom_idx on accounts using gin (custom jsonb_path_ops) where deleted_at is null;
create index contacts_custom_idx on contacts using gin (custom jsonb_path_ops) where deleted_at is null;
create index opportunities_custom_idx on opportunities using gin (custom jsonb_path_ops) where deleted_at is null;

-- The global search reads text-like custom values through these.
create index accounts_custom_text_idx on accounts using gin (to_tsvector('simple', custom_text))
    where custom_text is not null;
create index contacts_custom_text_idx on contacts using gin (to_tsvector('simple', custom_text))
    where custom_text is not null;
create index opportunities_custom_text_idx on opportunities using gin (to_tsvector('simple', custom_text))
    where custom_text is not null;
