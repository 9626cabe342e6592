-- Platform: business calendars, the hours a company (later: a service team) works, for
-- targets counted in business time (speed to lead now, service SLAs later).
-- time_zone null: the company's time zone, bellwether.time-zone (UTC when unset), so the
--   default calendar follows the company setting until an administrator picks a zone.
-- business_calendar_hours: working periods per ISO weekday (1 = Monday … 7 = Sunday) as
--   minutes of the local day, end exclusive (1440 = midnight at the end of the day); a day
--   may have several (a split day), a day with none is not worked.
-- business_calendar_holidays: days not worked; yearly ones recur on the same month and day.

create table business_calendars (
    id          uuid primary key,
    name        varchar(80) not null unique,
    is_default  boolean not null default false,
    time_zone   varchar(64),
    created_at  timestamp with time zone not null,
    created_by  uuid,
    updated_at  timestamp with time zone not null,
    updated_by  uuid,
    version     bigint not null default 0
);

create unique index business_calendars_one_default_idx on business_calendars (is_default) where is_default;

create table business_calendar_hours (
    id            uuid primary key,
    calendar_id   uuid not null references business_calendars (id) on delete cascade,
    day_of_week   smallint not null check (day_of_week between 1 and 7),
    start_minute  smallint not null check (start_minute between 0 and 1439),
    end_minute    smallint not null check (end_minute between 1 and 1440),
    check (end_minute > start_minute)
);

create index business_calendar_hours_calendar_idx on business_calendar_hours (calendar_id, day_of_week, start_minute);

create table business_calendar_holidays (
    id           uuid primary key,
    calendar_id  uuid not null references business_calendars (id) on delete cascade,
    holiday      date not null,
    name         varchar(120) not null,
    yearly       boolean not null default false,
    created_at   timestamp with time zone not null,
    created_by   uuid,
    unique (calendar_id, holiday)
);

-- The company's calendar: Monday to Friday, 09:00 to 17:00, in the company's time zone.
insert into business_calendars (id, name, is_default, time_zone, created_at, updated_at)
values ('0193f000-0000-7000-8000-000000000001', 'Company', true, null, now(), now());
insert into business_calendar_hours (id, calendar_id, day_of_week, start_minute, end_minute)
select gen_random_uuid(), '0193f000-0000-7000-8000-000000000001', d, 540, 1020 from generate_series(1, 5) as d;

-- Marketing: speed to lead (docs/marketing.md, "Speed to lead").
-- lead_response_targets: how many business minutes a lead from a source may wait for its
--   response; the row without a source applies to every source without a row of its own.
-- lead_response_breaches: a lead that was not responded to by its deadline, found by the
--   breach job; one per lead, so the owner and their manager are alerted once.

create table lead_response_targets (
    id              uuid primary key,
    -- the label of a lead-source pick list value, as leads store it; null: any other source
    source          varchar(40),
    target_minutes  integer not null check (target_minutes between 1 and 100000),
    created_at      timestamp with time zone not null,
    created_by      uuid,
    updated_at      timestamp with time zone not null,
    updated_by      uuid,
    version         bigint not null default 0
);

create unique index lead_response_targets_source_idx on lead_response_targets (coalesce(source, ''));

insert into lead_response_targets (id, source, target_minutes, created_at, updated_at) values
    (gen_random_uuid(), null, 480, now(), now()),
    (gen_random_uuid(), 'Web', 60, now(), now()),
    (gen_random_uuid(), 'Inbound Call', 60, now(), now());

create table lead_response_breaches (
    id                   uuid primary key,
    lead_id              uuid not null unique references leads (id) on delete cascade,
    deadline             timestamp with time zone not null,
    breached_at          timestamp with time zone not null,
    owner_id             uuid not null,
    notified_owner_id    uuid,
    notified_manager_id  uuid,
    notified_at          timestamp with time zone
);

create index lead_response_breaches_deadline_idx on lead_response_breaches (deadline);
-- leads not yet responded to (the breach job's candidates)
create index leads_unresponded_idx on leads (created_at, id)
    where deleted_at is null and accepted_at is null and first_activity_at is null and converted_at is null;
