-- Forecasting: snapshots of the open pipeline, taken weekly by a job (run once across nodes) and on
-- demand. Deals, owners and stages are other modules' records, referred to by id only; a snapshot
-- keeps each open deal's forecast-relevant state as it was, so that what changed can be told later.
create table pipeline_snapshots (
    id            uuid primary key,
    kind          varchar(16) not null check (kind in ('WEEKLY', 'ON_DEMAND')),
    taken_at      timestamp with time zone not null,
    -- taken_at to the minute: one snapshot of a kind per minute (a second request is a no-op)
    taken_minute  timestamp with time zone not null,
    -- who asked for it; null for the weekly job
    taken_by      uuid,
    deal_count    bigint not null default 0,
    amount        numeric(19, 2) not null default 0,
    -- how long reading and writing the deals took
    duration_ms   bigint,
    created_at    timestamp with time zone not null,
    created_by    uuid,
    updated_at    timestamp with time zone not null,
    updated_by    uuid,
    version       bigint not null default 0
);
create unique index pipeline_snapshots_minute_idx on pipeline_snapshots (kind, taken_minute);
create index pipeline_snapshots_taken_idx on pipeline_snapshots (taken_at);

-- One row per open deal at the snapshot, written with COPY; the primary key lets two snapshots be
-- joined deal by deal.
create table pipeline_snapshot_deals (
    snapshot_id        uuid not null references pipeline_snapshots (id) on delete cascade,
    deal_id            uuid not null,
    owner_id           uuid not null,
    stage_id           uuid not null,
    -- the stage's place in the pipeline then, to tell a move forward from a move back
    stage_position     integer not null,
    forecast_category  varchar(16) not null,
    amount             numeric(19, 2),
    close_date         date not null,
    primary key (snapshot_id, deal_id)
);
