-- Quotas (forecasting): an amount per person per fiscal period (2026-11, 2026-Q4, FY2026).
-- kind PERSONAL is what the person is to close on their own deals; TEAM, set only when a
-- manager's organisation has a target other than the sum of its members' quotas.
-- A month, quarter or year without a row takes the sum of its parts (docs/forecasting.md).

create table forecast_quotas (
    id           uuid primary key,
    user_id      uuid not null,
    period_code  varchar(7) not null,
    kind         varchar(8) not null,
    amount       numeric(19, 2) not null,
    created_at   timestamp with time zone not null,
    created_by   uuid,
    updated_at   timestamp with time zone not null,
    updated_by   uuid,
    version      bigint not null default 0,
    constraint forecast_quotas_kind_check check (kind in ('PERSONAL', 'TEAM')),
    constraint forecast_quotas_amount_check check (amount >= 0),
    constraint forecast_quotas_period_check check (period_code ~ '^([0-9]{4}-([0-9]{2}|Q[1-4])|FY[0-9]{4})$')
);
create unique index forecast_quotas_uk on forecast_quotas (user_id, period_code, kind);
create index forecast_quotas_period_idx on forecast_quotas (period_code);
