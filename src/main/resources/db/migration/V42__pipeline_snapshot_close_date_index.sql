-- Forecasting: what changed in a period reads each snapshot's deals closing in the period only
-- (PipelineChanges), a quarter's slice of the snapshot rather than the whole of it.
create index pipeline_snapshot_deals_close_idx on pipeline_snapshot_deals (snapshot_id, close_date);
