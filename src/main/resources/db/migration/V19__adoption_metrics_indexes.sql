-- Time to first value (docs/adoption-metrics.md): when each user first moved a deal they created
-- to a later stage, looked up for a set of users by who made the change.
create index opportunity_history_changed_by_idx on opportunity_history (changed_by, changed_at)
    where from_stage_id is not null;
