-- Service: deals made from cases (cross-sell) and onboarding cases opened when a deal is won
-- (docs/service.md, "Cross-sell" and "Hand-off from sales"). Deals (sales), products (sales) and
-- users (identity) are referred to by id only.

-- A case and a deal it is linked to: CROSS_SELL when an agent made the deal from the case,
-- ONBOARDING when winning the deal opened the case. At most one onboarding case per deal, however
-- often the deal is won.
create table case_opportunities (
    case_id         uuid not null references cases (id) on delete cascade,
    opportunity_id  uuid not null,
    kind            varchar(20) not null check (kind in ('CROSS_SELL', 'ONBOARDING')),
    created_at      timestamp with time zone not null,
    created_by      uuid,
    primary key (case_id, opportunity_id)
);

create index case_opportunities_opportunity_idx on case_opportunities (opportunity_id);
create unique index case_opportunities_onboarding_idx on case_opportunities (opportunity_id) where kind = 'ONBOARDING';

-- When a won deal opens an onboarding case: the first enabled rule (by position) whose minimum
-- amount and product the deal meets.
create table onboarding_rules (
    id                uuid primary key,
    name              varchar(80) not null,
    position          integer not null,
    enabled           boolean not null default true,
    -- the deal's amount must be at least this much; null: any amount
    minimum_amount    numeric(19, 2) check (minimum_amount >= 0),
    -- the deal must have a line item of this product; null: any deal
    product_id        uuid,
    queue_id          uuid not null references case_queues (id),
    priority          varchar(10) not null check (priority in ('LOW', 'NORMAL', 'HIGH', 'URGENT')),
    -- the case's subject; {deal} and {account} are replaced by the deal's and the account's names
    subject_template  varchar(200) not null,
    created_at        timestamp with time zone not null,
    created_by        uuid,
    updated_at        timestamp with time zone not null,
    updated_by        uuid,
    version           bigint not null default 0
);

create unique index onboarding_rules_name_idx on onboarding_rules (lower(name));
