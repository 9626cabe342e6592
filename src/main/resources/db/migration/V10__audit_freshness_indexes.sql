-- Freshness of accounts and contacts: their lists sort by "last touched" (least recently touched
-- first to find neglected customers, or most recently first), so both orders are served by an index.
-- (The list queries sort "nulls last" either way; a plain index serves only one direction of that.)
create index accounts_last_touched_asc_idx on accounts (last_touched_at asc nulls last) where deleted_at is null;
create index accounts_last_touched_desc_idx on accounts (last_touched_at desc nulls last) where deleted_at is null;
create index contacts_last_touched_asc_idx on contacts (last_touched_at asc nulls last) where deleted_at is null;
create index contacts_last_touched_desc_idx on contacts (last_touched_at desc nulls last) where deleted_at is null;
