-- Sales: pipeline stages, products, opportunities with their line items and stage history.
-- Accounts, contacts and owners are other modules' records, referred to by id only; the sales
-- module follows their recycle-bin events instead of relying on foreign keys across modules.

create table pipeline_stages (
    id                 uuid primary key,
    name               varchar(80) not null,
    position           integer not null,
    probability        integer not null check (probability between 0 and 100),
    forecast_category  varchar(16) not null
                       check (forecast_category in ('PIPELINE', 'BEST_CASE', 'COMMIT', 'CLOSED', 'OMITTED')),
    outcome            varchar(8) not null check (outcome in ('OPEN', 'WON', 'LOST')),
    -- open deals in this stage count as stale after this many days untouched; null: the default
    stale_after_days   integer check (stale_after_days > 0),
    retired            boolean not null default false,
    created_at         timestamp with time zone not null,
    created_by         uuid,
    updated_at         timestamp with time zone not null,
    updated_by         uuid,
    version            bigint not null default 0,
    constraint pipeline_stages_closed_category check (
        (outcome = 'OPEN' and forecast_category in ('PIPELINE', 'BEST_CASE', 'COMMIT'))
        or (outcome = 'WON' and forecast_category = 'CLOSED')
        or (outcome = 'LOST' and forecast_category = 'OMITTED'))
);
create unique index pipeline_stages_name_idx on pipeline_stages (lower(name));

create table products (
    id           uuid primary key,
    code         varchar(40) not null,
    name         varchar(200) not null,
    description  text,
    list_price   numeric(19, 2) not null check (list_price >= 0),
    currency     char(3) not null,
    active       boolean not null default true,
    created_at   timestamp with time zone not null,
    created_by   uuid,
    updated_at   timestamp with time zone not null,
    updated_by   uuid,
    version      bigint not null default 0
);
create unique index products_code_idx on products (lower(code));
create index products_name_trgm_idx on products using gin (lower(name) gin_trgm_ops);

create table opportunities (
    id                       uuid primary key,
    name                     varchar(200) not null,
    account_id               uuid not null,
    primary_contact_id       uuid,
    owner_id                 uuid not null,
    stage_id                 uuid not null references pipeline_stages (id),
    amount                   numeric(19, 2) check (amount >= 0),
    currency                 char(3) not null,
    -- true when the amount is the sum of the line items, kept in step as they change
    amount_from_line_items   boolean not null default false,
    close_date               date not null,
    probability              integer not null check (probability between 0 and 100),
    forecast_category        varchar(16) not null
                             check (forecast_category in ('PIPELINE', 'BEST_CASE', 'COMMIT', 'CLOSED', 'OMITTED')),
    next_step                varchar(255),
    lead_source              varchar(40),
    loss_reason              varchar(500),
    description              text,
    closed_at                timestamp with time zone,
    -- as first recorded, so analytics can tell deals entered late (already committed or closed)
    first_stage_id           uuid not null,
    first_forecast_category  varchar(16) not null,
    -- freshness: the last update of the deal or activity logged on it, and by whom
    last_touched_at          timestamp with time zone not null,
    last_touched_by          uuid,
    deleted_at               timestamp with time zone,
    deleted_by               uuid,
    -- set when the deal went to the recycle bin because its account did
    deleted_with             uuid,
    created_at               timestamp with time zone not null,
    created_by               uuid,
    updated_at               timestamp with time zone not null,
    updated_by               uuid,
    version                  bigint not null default 0
);
create index opportunities_owner_idx on opportunities (owner_id, close_date, id) where deleted_at is null;
create index opportunities_account_idx on opportunities (account_id);
create index opportunities_contact_idx on opportunities (primary_contact_id) where primary_contact_id is not null;
create index opportunities_stage_idx on opportunities (stage_id, close_date, id) where deleted_at is null;
create index opportunities_close_idx on opportunities (close_date, id) where deleted_at is null;
create index opportunities_touched_idx on opportunities (owner_id, last_touched_at) where deleted_at is null and closed_at is null;
create index opportunities_closed_idx on opportunities (closed_at) where closed_at is not null and deleted_at is null;
create index opportunities_name_trgm_idx on opportunities using gin (lower(name) gin_trgm_ops);
create index opportunities_deleted_idx on opportunities (deleted_at) where deleted_at is not null;

create table opportunity_line_items (
    id                uuid primary key,
    opportunity_id    uuid not null references opportunities (id) on delete cascade,
    product_id        uuid not null references products (id),
    position          integer not null,
    quantity          numeric(12, 2) not null check (quantity > 0),
    unit_price        numeric(19, 2) not null check (unit_price >= 0),
    discount_percent  numeric(5, 2) not null default 0 check (discount_percent between 0 and 100),
    description       varchar(255),
    created_at        timestamp with time zone not null,
    created_by        uuid,
    updated_at        timestamp with time zone not null,
    updated_by        uuid,
    version           bigint not null default 0
);
create index opportunity_line_items_opportunity_idx on opportunity_line_items (opportunity_id, position);
create index opportunity_line_items_product_idx on opportunity_line_items (product_id);

-- One row each time a deal is created or its stage, amount, close date, probability or forecast
-- category changes, with the values before (null at creation) and after, as Salesforce's
-- OpportunityHistory keeps them.
create table opportunity_history (
    id                      uuid primary key,
    opportunity_id          uuid not null references opportunities (id) on delete cascade,
    changed_at              timestamp with time zone not null,
    changed_by              uuid,
    from_stage_id           uuid,
    to_stage_id             uuid not null,
    from_amount             numeric(19, 2),
    to_amount               numeric(19, 2),
    from_close_date         date,
    to_close_date           date not null,
    from_probability        integer,
    to_probability          integer not null,
    from_forecast_category  varchar(16),
    to_forecast_category    varchar(16) not null
);
create index opportunity_history_opportunity_idx on opportunity_history (opportunity_id, changed_at desc, id);
create index opportunity_history_changed_idx on opportunity_history (changed_at);
