-- How many records a usage event covered where that is told: the rows of a list export
-- (docs/exports.md). Null for everything else; nullable without a default, so adding it
-- rewrites nothing.
alter table usage_events add column records integer;
