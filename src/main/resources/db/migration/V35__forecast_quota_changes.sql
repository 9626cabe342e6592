-- Every change of a quota (forecasting): who, when, the amount before and after (null for
-- none: a quota set for the first time, or cleared).

create table forecast_quota_changes (
    id           uuid primary key,
    user_id      uuid not null,
    period_code  varchar(7) not null,
    kind         varchar(8) not null,
    old_amount   numeric(19, 2),
    new_amount   numeric(19, 2),
    changed_by   uuid,
    changed_at   timestamp with time zone not null
);
create index forecast_quota_changes_user_idx on forecast_quota_changes (user_id, period_code, changed_at);
