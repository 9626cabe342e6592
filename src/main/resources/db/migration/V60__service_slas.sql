-- Service: SLA policies and each case's SLA clocks (docs/service.md, "SLAs").
-- Business calendars (platform), accounts (customers) and users (identity) are referred to by
-- id only.

-- An account's service tier, which chooses its SLA policy; an account without a row is
-- STANDARD. The customers module has no tier or segment of its own, so service keeps it.
create table service_account_tiers (
    account_id  uuid primary key,
    tier        varchar(20) not null check (tier in ('STANDARD', 'PREMIUM', 'ENTERPRISE')),
    created_at  timestamp with time zone not null,
    created_by  uuid,
    updated_at  timestamp with time zone not null,
    updated_by  uuid,
    version     bigint not null default 0
);

-- A policy: the calendar its targets count in and the tier it applies to (null: any tier
-- without an active policy of its own). At most one active policy per tier, and one for any.
create table sla_policies (
    id                 uuid primary key,
    name               varchar(80) not null,
    calendar_id        uuid not null,
    account_tier       varchar(20) check (account_tier in ('STANDARD', 'PREMIUM', 'ENTERPRISE')),
    active             boolean not null default true,
    -- a running target is "due soon" with this share of its time left
    warn_percent_left  smallint not null default 25 check (warn_percent_left between 1 and 99),
    created_at         timestamp with time zone not null,
    created_by         uuid,
    updated_at         timestamp with time zone not null,
    updated_by         uuid,
    version            bigint not null default 0
);

create unique index sla_policies_name_idx on sla_policies (lower(name));
create unique index sla_policies_active_tier_idx on sla_policies (coalesce(account_tier, '')) where active;

-- a policy's targets, one row per case priority, in business minutes of its calendar
create table sla_targets (
    id                      uuid primary key,
    policy_id               uuid not null references sla_policies (id) on delete cascade,
    priority                varchar(10) not null check (priority in ('LOW', 'NORMAL', 'HIGH', 'URGENT')),
    first_response_minutes  integer not null check (first_response_minutes between 1 and 525600),
    resolution_minutes      integer not null check (resolution_minutes between 1 and 525600),
    unique (policy_id, priority)
);

-- The default policy, in the company's calendar (09:00-17:00, so a business day is 480 minutes):
-- URGENT 1 h / 4 h, HIGH 4 h / 1 day, NORMAL 8 h / 3 days, LOW 1 day / 5 days.
insert into sla_policies (id, name, calendar_id, account_tier, active, warn_percent_left, created_at, updated_at)
values ('0193f000-0000-7000-8000-00000000a501', 'Standard support', '0193f000-0000-7000-8000-000000000001', null,
        true, 25, now(), now());
insert into sla_targets (id, policy_id, priority, first_response_minutes, resolution_minutes) values
    (gen_random_uuid(), '0193f000-0000-7000-8000-00000000a501', 'URGENT', 60, 240),
    (gen_random_uuid(), '0193f000-0000-7000-8000-00000000a501', 'HIGH', 240, 480),
    (gen_random_uuid(), '0193f000-0000-7000-8000-00000000a501', 'NORMAL', 480, 1440),
    (gen_random_uuid(), '0193f000-0000-7000-8000-00000000a501', 'LOW', 480, 2400);

-- A case's SLA: the policy and calendar chosen when it opened, and how its clocks count now
-- (RUNNING, PAUSED while waiting on the customer, STOPPED while resolved or closed). The
-- inputs of the clocks (pauses, first response, target changes) are its case_sla_events.
create table case_sla (
    -- no foreign key to cases: its check would key-share lock the case's row while the SLA
    -- listener runs, and "Next case" (for update skip locked) would pass a new case by
    case_id            uuid primary key,
    policy_id          uuid,
    calendar_id        uuid not null,
    account_tier       varchar(20) not null,
    priority           varchar(10) not null check (priority in ('LOW', 'NORMAL', 'HIGH', 'URGENT')),
    warn_percent_left  smallint not null,
    opened_at          timestamp with time zone not null,
    first_response_at  timestamp with time zone,
    counting           varchar(10) not null check (counting in ('RUNNING', 'PAUSED', 'STOPPED')),
    updated_at         timestamp with time zone not null,
    version            bigint not null default 0
);

-- Each case's two clocks, as last computed (when the case changed; the sweep compares
-- warn_at and due_at with the time, so it never recomputes business time).
-- due_at, warn_at: null while paused (they move) and once met.
-- breached_at: the due instant the clock went past; warned_at and escalated_at: when the
-- sweep warned the owner and escalated to the queue's manager, each once.
create table case_sla_clocks (
    case_id          uuid not null references case_sla (case_id) on delete cascade,
    metric           varchar(20) not null check (metric in ('FIRST_RESPONSE', 'RESOLUTION')),
    target_minutes   integer not null,
    state            varchar(10) not null
        check (state in ('RUNNING', 'PAUSED', 'WARNING', 'BREACHED', 'MET', 'MISSED')),
    elapsed_seconds  bigint not null,
    due_at           timestamp with time zone,
    warn_at          timestamp with time zone,
    breached_at      timestamp with time zone,
    completed_at     timestamp with time zone,
    warned_at        timestamp with time zone,
    escalated_at     timestamp with time zone,
    computed_at      timestamp with time zone not null,
    primary key (case_id, metric)
);

-- the sweep's candidates: clocks still going, not yet warned / escalated
create index case_sla_clocks_warn_idx on case_sla_clocks (warn_at) where warned_at is null and completed_at is null;
create index case_sla_clocks_due_idx on case_sla_clocks (due_at) where escalated_at is null and completed_at is null;

-- A case's SLA history: STARTED, PAUSED, RESUMED, STOPPED, RESPONDED and TARGETS_CHANGED
-- (the clocks' inputs, from the case's events) and WARNED, BREACHED, MET, MISSED (outcomes).
-- The targets in force after STARTED and TARGETS_CHANGED are kept on the row.
create table case_sla_events (
    id                      uuid primary key,
    -- not referencing case_sla: a case's events may be handled before its CaseOpened (nor
    -- cases, as for case_sla)
    case_id                 uuid not null,
    kind                    varchar(20) not null check (kind in ('STARTED', 'PAUSED', 'RESUMED', 'STOPPED',
                                'RESPONDED', 'TARGETS_CHANGED', 'WARNED', 'BREACHED', 'MET', 'MISSED')),
    metric                  varchar(20) check (metric in ('FIRST_RESPONSE', 'RESOLUTION')),
    occurred_at             timestamp with time zone not null,
    priority                varchar(10),
    first_response_minutes  integer,
    resolution_minutes      integer,
    recorded_at             timestamp with time zone not null
);

-- an event delivered twice (the publication registry retries) is kept once
create unique index case_sla_events_once_idx on case_sla_events (case_id, kind, coalesce(metric, ''), occurred_at);
create index case_sla_events_case_idx on case_sla_events (case_id, occurred_at, id);
