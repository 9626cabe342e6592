-- Forecast submissions (forecasting), "the call": a manager's forecast for a fiscal period as it
-- stood when they submitted it. Immutable: rows are only ever inserted. One per person, period and
-- minute (the unique index makes a second submission in the same minute a no-op, even when two
-- arrive at once). Figures are the person's top row (their team) at that moment.

create table forecast_submissions (
    id                  uuid primary key,
    user_id             uuid not null,
    period_code         varchar(7) not null,
    submitted_at        timestamp with time zone not null,
    submitted_minute    timestamp with time zone not null,
    iso_week            varchar(8) not null,
    closed              numeric(19, 2) not null,
    commit_amount       numeric(19, 2) not null,
    best_case           numeric(19, 2) not null,
    pipeline            numeric(19, 2) not null,
    omitted             numeric(19, 2) not null,
    adjusted_commit     numeric(19, 2) not null,
    adjusted_best_case  numeric(19, 2) not null,
    adjusted_pipeline   numeric(19, 2) not null,
    quota               numeric(19, 2)
);
create unique index forecast_submissions_minute_uk on forecast_submissions (user_id, period_code, submitted_minute);
create index forecast_submissions_period_idx on forecast_submissions (period_code, user_id, submitted_at);
