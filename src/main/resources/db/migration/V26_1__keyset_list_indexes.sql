-- Keyset paging (docs/keyset.md): each list's default order read from an index, so that page 1
-- stops after its rows instead of sorting every match, and a page after a cursor starts where
-- the cursor points. A key that is never null is ordered without "nulls last", so one ascending
-- index serves a list both ways (scanned backwards when descending). Already served: accounts by
-- name (accounts_name_idx), contacts by name (contacts_name_idx), deals by close date
-- (opportunities_close_idx, opportunities_owner_idx for one owner).

-- Sales: open deals by close date, the pipeline list's usual question ("open=true&sort=closeDate");
-- with closed deals left out of the index, page 1 reads its 50 rows and nothing else.
create index opportunities_open_close_idx on opportunities (close_date, id)
    where deleted_at is null and closed_at is null;

-- Activities: everyone's activities newest first (executives, administrators: no owner filter),
-- ties by id.
create index activities_occurred_idx on activities (occurred_at, id) where deleted_at is null;
