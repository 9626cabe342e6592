-- Freshness of accounts and contacts: the last update of the record or activity logged on it.
alter table accounts add column last_touched_at timestamp with time zone;
alter table accounts add column last_touched_by uuid;
update accounts set last_touched_at = updated_at, last_touched_by = updated_by;
alter table accounts alter column last_touched_at set not null;

alter table contacts add column last_touched_at timestamp with time zone;
alter table contacts add column last_touched_by uuid;
update contacts set last_touched_at = updated_at, last_touched_by = updated_by;
alter table contacts alter column last_touched_at set not null;
