-- Service: the cost of service. Time logged on a case (by a timer or entered by hand) is
-- costed at the hourly rate of the role of the person who logged it, the rate in force on
-- the entry's day (rates have a history: each row applies from its effective_from day until
-- the next row for the same role); expenses are added to a case as they are.
-- All amounts are in the company currency.

-- An hourly cost rate for a role, from a day on.
create table service_cost_rates (
    id             uuid primary key,
    role           varchar(20)    not null,
    hourly_rate    numeric(12, 2) not null check (hourly_rate >= 0),
    currency       varchar(3)     not null,
    effective_from date           not null,
    created_at     timestamp with time zone not null,
    created_by     uuid,
    updated_at     timestamp with time zone not null,
    updated_by     uuid,
    version        bigint         not null default 0,
    constraint service_cost_rates_role_day unique (role, effective_from)
);

-- Time someone spent on a case. A running timer is a row without minutes (started_at set);
-- stopping it fills minutes. Each person has at most one running timer.
create table case_time_entries (
    id          uuid primary key,
    case_id     uuid         not null references cases (id) on delete cascade,
    user_id     uuid         not null,
    -- the role the person had when logging: the rate of this role applies
    role        varchar(20)  not null,
    entry_date  date         not null,
    minutes     integer      check (minutes between 1 and 1440),
    note        varchar(1000),
    -- TIMER or MANUAL
    source      varchar(10)  not null check (source in ('TIMER', 'MANUAL')),
    started_at  timestamp with time zone,
    created_at  timestamp with time zone not null,
    created_by  uuid,
    updated_at  timestamp with time zone not null,
    updated_by  uuid,
    version     bigint       not null default 0,
    constraint case_time_entries_running check (minutes is not null or (source = 'TIMER' and started_at is not null))
);

create index case_time_entries_case_idx on case_time_entries (case_id, entry_date);
create index case_time_entries_day_idx on case_time_entries (entry_date) where minutes is not null;
create unique index case_time_entries_one_timer on case_time_entries (user_id) where minutes is null;

-- Money spent on a case (travel, parts, shipping, ...).
create table case_expenses (
    id           uuid primary key,
    case_id      uuid           not null references cases (id) on delete cascade,
    expense_date date           not null,
    amount       numeric(12, 2) not null check (amount > 0),
    currency     varchar(3)     not null,
    description  varchar(500)   not null,
    category     varchar(20)    not null,
    created_at   timestamp with time zone not null,
    created_by   uuid,
    updated_at   timestamp with time zone not null,
    updated_by   uuid,
    version      bigint         not null default 0
);

create index case_expenses_case_idx on case_expenses (case_id, expense_date);
create index case_expenses_day_idx on case_expenses (expense_date);
