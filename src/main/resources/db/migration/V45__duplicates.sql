-- Duplicates and merge (issue #15).

-- customers: the blocking keys duplicate detection joins on, as immutable functions so that
-- they can be indexed. A company name without case, punctuation and legal form ("ACME, Inc."
-- and "Acme Inc" are both "acme"); a person's full name without case and punctuation; a
-- phone number's digits.
create function customer_match_name(name text) returns text
language sql immutable parallel safe
as $$
  select nullif(btrim(regexp_replace(regexp_replace(regexp_replace(replace(lower(name), '.', ''),
    '[^[:alnum:]]+', ' ', 'g'),
    '\m(inc|incorporated|ltd|limited|llc|llp|lp|gmbh|ag|kg|sa|sas|sarl|srl|spa|bv|nv|plc|corp|corporation|co|company|pty|oy|ab|as|aps)\M',
    ' ', 'g'), '\s+', ' ', 'g')), '')
$$;

create function customer_match_person(first_name text, last_name text) returns text
language sql immutable parallel safe
as $$
  select nullif(btrim(regexp_replace(lower(coalesce(first_name, '') || ' ' || coalesce(last_name, '')),
    '[^[:alnum:]]+', ' ', 'g')), '')
$$;

create function customer_phone_digits(phone text) returns text
language sql immutable parallel safe
as $$
  select nullif(regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g'), '')
$$;

create index accounts_match_name_idx on accounts (customer_match_name(name)) where deleted_at is null;
create index contacts_match_person_idx on contacts (account_id, customer_match_person(first_name, last_name))
  where deleted_at is null and account_id is not null;
create index contacts_phone_digits_idx on contacts (customer_phone_digits(phone))
  where deleted_at is null and phone is not null;

-- A record merged into another sits in the recycle bin pointing at the one that survived.
alter table accounts add column merged_into uuid;
alter table contacts add column merged_into uuid;

-- customers: each merge, with what undoing it needs: the survivor's row as it was before
-- (and the version the merge left it at, to tell later edits) and the loser's version in the bin.
create table customer_merges (
    id                uuid primary key,
    record_type       varchar(10) not null check (record_type in ('account', 'contact')),
    survivor_id       uuid not null,
    loser_id          uuid not null,
    survivor_before   jsonb not null,
    survivor_version  bigint not null,
    loser_version     bigint not null,
    undone_at         timestamp with time zone,
    undone_by         uuid,
    created_at        timestamp with time zone not null,
    created_by        uuid not null,
    updated_at        timestamp with time zone not null,
    updated_by        uuid not null,
    version           bigint not null default 0
);
create index customer_merges_survivor_idx on customer_merges (survivor_id);
create index customer_merges_loser_idx on customer_merges (loser_id);

-- customers: every record a merge moved from the loser to the survivor (its own contacts and
-- child accounts; other modules' deals and activities, as they report them), with the version
-- the move left it at: undo moves back only those not changed since.
create table merge_moves (
    merge_id       uuid not null references customer_merges (id) on delete cascade,
    record_type    varchar(20) not null,
    record_id      uuid not null,
    field          varchar(40) not null,
    version_after  bigint not null,
    outcome        varchar(8) not null default 'MOVED' check (outcome in ('MOVED', 'RETURNED', 'KEPT')),
    primary key (merge_id, record_type, record_id, field)
);

-- dataquality: candidate duplicate pairs found by the detection job (a_id < b_id), with the
-- owners as they were when found (for managers' lists; merging checks rights again).
-- A dismissed pair stays dismissed however often it is found again.
create table duplicate_pairs (
    id            uuid primary key,
    record_type   varchar(10) not null check (record_type in ('account', 'contact')),
    a_id          uuid not null,
    b_id          uuid not null,
    a_owner_id    uuid,
    b_owner_id    uuid,
    reason        varchar(80) not null,
    score         numeric(4, 3) not null,
    status        varchar(10) not null default 'OPEN' check (status in ('OPEN', 'DISMISSED', 'MERGED')),
    found_at      timestamp with time zone not null,
    decided_at    timestamp with time zone,
    decided_by    uuid,
    merge_id      uuid,
    created_at    timestamp with time zone not null,
    created_by    uuid,
    updated_at    timestamp with time zone not null,
    updated_by    uuid,
    version       bigint not null default 0,
    constraint duplicate_pairs_ordered check (a_id < b_id),
    constraint duplicate_pairs_unique unique (record_type, a_id, b_id)
);
create index duplicate_pairs_open_idx on duplicate_pairs (record_type, score desc, id) where status = 'OPEN';
create index duplicate_pairs_a_idx on duplicate_pairs (a_id);
create index duplicate_pairs_b_idx on duplicate_pairs (b_id);
