-- Sales: deals by the day they were created, for the funnel of the deals created in a period
-- (win/loss analytics) without reading every deal.
create index opportunities_created_idx on opportunities (created_at) where deleted_at is null;
