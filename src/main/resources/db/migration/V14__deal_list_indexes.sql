-- A rep's or a manager's deal list filtered by stage and sorted by close date: with the viewer's
-- organisation passed as a list of owners, this index serves it without reading other owners'
-- deals of the stage (docs/benchmarks.md, finding 1).
create index opportunities_owner_stage_idx on opportunities (owner_id, stage_id, close_date, id) where deleted_at is null;
