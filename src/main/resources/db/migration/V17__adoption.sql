-- Adoption: who uses the CRM (issue 4). Owned by the adoption module, except the flag on users
-- (identity's table) that keeps integration accounts out of every adoption figure.

alter table users add column integration_account boolean not null default false;

-- Every signed-in action, append-only, kept for bellwether.adoption.raw-retention (13 months).
-- Written in batches by adoption's recorder; no foreign keys (a user is never deleted, and the
-- writer must never fail on a race with anything).
create table usage_events (
    id           uuid primary key,
    user_id      uuid not null,
    occurred_at  timestamp with time zone not null,
    kind         varchar(20) not null,
    module       varchar(40),
    record_type  varchar(40),
    record_id    uuid,
    client       varchar(3) not null,
    constraint usage_events_kind_check check (kind in ('LOGIN', 'LOGOUT', 'VIEW', 'CREATE', 'UPDATE', 'DELETE',
        'SEARCH', 'REPORT_VIEW', 'DASHBOARD_VIEW', 'FORECAST_VIEW', 'EXPORT', 'API_CALL', 'MEETING_MODE')),
    constraint usage_events_client_check check (client in ('WEB', 'API'))
);
-- events arrive in time order: a block-range index is tiny and serves time ranges and retention
create index usage_events_time_brin on usage_events using brin (occurred_at);
create index usage_events_user_time_idx on usage_events (user_id, occurred_at);

-- One row per user and day with any usage, built from usage_events and kept forever.
-- active: at least one view, create or update of a business record that day (not counting
-- logins, dashboards or searches; docs/adoption-metrics.md).
create table usage_daily (
    user_id          uuid not null,
    day              date not null,
    active           boolean not null,
    logins           int not null default 0,
    views            int not null default 0,
    creates          int not null default 0,
    updates          int not null default 0,
    deletes          int not null default 0,
    searches         int not null default 0,
    report_views     int not null default 0,
    dashboard_views  int not null default 0,
    forecast_views   int not null default 0,
    exports          int not null default 0,
    api_calls        int not null default 0,
    meeting_modes    int not null default 0,
    actions          int not null default 0,
    features         text[] not null default '{}',
    primary key (user_id, day)
);
create index usage_daily_day_idx on usage_daily (day, user_id);

-- Which days have been rolled up from the raw events, so that a day is rebuilt when late
-- events arrive and never twice needlessly.
create table usage_rollups (
    day          date primary key,
    rolled_up_at timestamp with time zone not null,
    events       bigint not null
);

-- The executives whose own use the programme depends on (sponsor inactivity alerts).
create table adoption_sponsors (
    user_id     uuid primary key references users (id),
    created_at  timestamp with time zone not null,
    created_by  uuid
);

-- Settings an administrator changes: the key features counted for breadth, the score's weights.
create table adoption_settings (
    id          int primary key default 1,
    settings    jsonb not null,
    updated_at  timestamp with time zone not null,
    updated_by  uuid,
    version     bigint not null default 0,
    constraint adoption_settings_single_row check (id = 1)
);

-- Adoption scores per user and period (month, quarter): history kept, computed by a job.
create table adoption_scores (
    user_id       uuid not null references users (id),
    period_kind   varchar(7) not null,
    period_start  date not null,
    score         int not null,
    components    jsonb not null,
    weights       jsonb not null,
    computed_at   timestamp with time zone not null,
    primary key (user_id, period_kind, period_start),
    constraint adoption_scores_period_check check (period_kind in ('MONTH', 'QUARTER')),
    constraint adoption_scores_score_check check (score between 0 and 100)
);

-- Alerts raised, so each is raised once per occurrence (death spiral, sponsor inactivity).
create table adoption_alerts (
    id           uuid primary key,
    kind         varchar(30) not null,
    subject_id   uuid not null,
    period_key   varchar(20) not null,
    raised_at    timestamp with time zone not null,
    details      jsonb not null,
    constraint adoption_alerts_once unique (kind, subject_id, period_key)
);

-- In-app notifications (the bell in the layout); mail goes out as well when SMTP is set.
create table notifications (
    id          uuid primary key,
    user_id     uuid not null references users (id),
    created_at  timestamp with time zone not null,
    kind        varchar(30) not null,
    title       varchar(200) not null,
    body        text not null,
    link        varchar(500),
    read_at     timestamp with time zone
);
create index notifications_user_idx on notifications (user_id, created_at desc);

-- ShedLock: scheduled jobs run on one node at a time.
create table shedlock (
    name        varchar(64) primary key,
    lock_until  timestamp not null,
    locked_at   timestamp not null,
    locked_by   varchar(255) not null
);
