-- Marketing: leads, the people and companies marketing brings in before sales works them.
-- Owners and the records a lead is converted into are referred to by id only (identity,
-- customers and sales own those tables); the conversion columns are filled by a later step.
-- Deleted leads stay in the table, in the recycle bin, until an administrator purges them.

create table leads (
    id                        uuid primary key,
    first_name                varchar(80),
    last_name                 varchar(80) not null,
    company                   varchar(255),
    title                     varchar(120),
    email                     varchar(254),
    phone                     varchar(40),
    country                   char(2),
    -- the label of a lead-source pick list value, as deals store it
    source                    varchar(40),
    status                    varchar(20) not null default 'NEW'
        check (status in ('NEW', 'WORKING', 'QUALIFIED', 'DISQUALIFIED')),
    -- the label of a lead-disqualify-reason pick list value; only a disqualified lead has one
    disqualify_reason         varchar(120),
    owner_id                  uuid not null,
    description               text,
    converted_at              timestamp with time zone,
    converted_by              uuid,
    converted_account_id      uuid,
    converted_contact_id      uuid,
    converted_opportunity_id  uuid,
    import_id                 uuid,
    external_id               varchar(100),
    deleted_at                timestamp with time zone,
    deleted_by                uuid,
    created_at                timestamp with time zone not null,
    created_by                uuid,
    updated_at                timestamp with time zone not null,
    updated_by                uuid,
    last_touched_at           timestamp with time zone not null,
    last_touched_by           uuid,
    version                   bigint not null default 0,
    constraint leads_disqualified_with_reason
        check ((status = 'DISQUALIFIED') = (disqualify_reason is not null))
);

-- the list's default order (newest first) and one owner's leads, keyset-paged (docs/keyset.md)
create index leads_created_idx on leads (created_at, id) where deleted_at is null;
create index leads_owner_idx on leads (owner_id, created_at, id) where deleted_at is null;
create index leads_status_idx on leads (status, created_at, id) where deleted_at is null;
create index leads_name_idx on leads (lower(last_name), lower(first_name), id) where deleted_at is null;
create index leads_deleted_idx on leads (deleted_at) where deleted_at is not null;
-- the list's search box: part of the name, company or e-mail
create index leads_name_trgm_idx on leads using gin ((lower(coalesce(first_name, '') || ' ' || last_name)) gin_trgm_ops);
create index leads_company_trgm_idx on leads using gin (lower(company) gin_trgm_ops);
create index leads_email_trgm_idx on leads using gin (lower(email) gin_trgm_ops);
create unique index leads_external_id_idx on leads (external_id) where external_id is not null;
create index leads_import_idx on leads (import_id) where import_id is not null;

-- Lead source is shared with deals (sales keeps the list); leads use it too now.
update pick_lists set description = 'Where a lead or a deal came from.' where name = 'lead-source';

insert into pick_lists (name, label, module, description, stores, max_label_length) values
    ('lead-disqualify-reason', 'Lead disqualify reason', 'marketing',
     'Why a lead was disqualified; required when a lead is disqualified.', 'LABEL', 120);

insert into pick_list_values (id, list_name, value_key, label, position)
select gen_random_uuid(), 'lead-disqualify-reason',
       trim(both '-' from lower(regexp_replace(v.label, '[^A-Za-z0-9]+', '-', 'g'))), v.label, v.position
from (values
    ('No budget', 1),
    ('No need or interest', 2),
    ('Not the decision maker, no route to one', 3),
    ('Outside our market (size, region or industry)', 4),
    ('Already a customer or in an open deal', 5),
    ('Competitor or student', 6),
    ('Unreachable after several attempts', 7),
    ('Spam or fake details', 8),
    ('Duplicate of another lead', 9),
    ('Other', 10)
) as v (label, position);
