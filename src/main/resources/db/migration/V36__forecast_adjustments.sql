-- Forecast adjustments (forecasting): a manager's judgement of a direct report's forecast, or of
-- their own, per category (COMMIT, BEST_CASE, PIPELINE) and fiscal period, with a note. Append-only:
-- each row is one adjustment as made; the latest per (user, period, category) is in effect, and a
-- row with a null amount takes the adjustment back. The gross figures are never changed.

create table forecast_adjustments (
    id           uuid primary key,
    user_id      uuid not null,
    period_code  varchar(7) not null,
    category     varchar(16) not null,
    sequence     bigint not null,
    amount       numeric(19, 2),
    note         varchar(500) not null,
    adjusted_by  uuid not null,
    adjusted_at  timestamp with time zone not null,
    constraint forecast_adjustments_category_check check (category in ('COMMIT', 'BEST_CASE', 'PIPELINE')),
    constraint forecast_adjustments_amount_check check (amount is null or amount >= 0)
);
create unique index forecast_adjustments_uk on forecast_adjustments (user_id, period_code, category, sequence);
