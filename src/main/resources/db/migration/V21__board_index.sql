-- The pipeline board ranks a team's deals by stage and close date and adds up each column's
-- amounts. With the amounts, probability and closing time in the index, PostgreSQL ranks and
-- adds up from the index alone and reads only the 25 cards a column shows from the table,
-- instead of visiting a heap page per deal of the team (docs/benchmarks.md).
drop index opportunities_owner_stage_idx;
create index opportunities_owner_stage_idx on opportunities (owner_id, stage_id, close_date, id)
    include (amount, probability, closed_at)
    where deleted_at is null;
