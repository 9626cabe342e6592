-- A team's figures (home pages' open pipeline by stage and category, freshness by owner, stale
-- and overdue counts) read every open deal of the team: with the columns they add up in the
-- index, PostgreSQL answers from the index alone instead of visiting a heap page per deal
-- (docs/benchmarks.md).
drop index opportunities_touched_idx;
create index opportunities_touched_idx on opportunities (owner_id, last_touched_at)
    include (stage_id, forecast_category, amount, probability, close_date, id)
    where deleted_at is null and closed_at is null;
