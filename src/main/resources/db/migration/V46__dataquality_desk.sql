-- The data-quality desk (issue #15): completeness rules, daily score snapshots and the steward
-- queue. All owned by dataquality; records are referred to by id only.

-- dataquality: which fields count towards a record's completeness, per record type and, for
-- deals, per pipeline stage (stage_id null: the record type's rule). A record type or stage
-- without a row uses the built-in default (see CompletenessRules).
create table quality_rules (
    id            uuid primary key,
    record_type   varchar(20) not null check (record_type in ('account', 'contact', 'opportunity')),
    stage_id      uuid,
    fields        text[] not null,
    created_at    timestamp with time zone not null,
    created_by    uuid,
    updated_at    timestamp with time zone not null,
    updated_by    uuid,
    version       bigint not null default 0
);
create unique index quality_rules_uk on quality_rules (record_type, coalesce(stage_id, '00000000-0000-0000-0000-000000000000'));

-- dataquality: one row per day, record type and owner, written by each measurement (the last
-- of the day wins): how many records were scored and the sum of their scores (the mean is
-- score_sum / records; a team's is the sum over its owners' rows, so every record weighs the same).
create table quality_snapshots (
    day           date not null,
    record_type   varchar(20) not null check (record_type in ('account', 'contact', 'opportunity')),
    owner_id      uuid not null,
    records       integer not null check (records > 0),
    score_sum     numeric(14, 4) not null,
    complete      integer not null,
    measured_at   timestamp with time zone not null,
    primary key (day, record_type, owner_id)
);
create index quality_snapshots_owner_idx on quality_snapshots (owner_id, day);

-- dataquality: the steward queue, one row per (kind, record type, record): an issue found by a
-- measurement stays here with its assignment and "ask the owner" history however often it is
-- measured again; fixed_at is set when a measurement no longer finds it, and cleared when one
-- finds it again. For a duplicate pair, record_id is the pair's id in duplicate_pairs.
create table quality_issues (
    id              uuid primary key,
    kind            varchar(20) not null check (kind in ('INCOMPLETE', 'STALE', 'OVERDUE', 'ORPHANED', 'NO_ACCOUNT',
                                                         'NO_NEXT_STEP', 'NO_CONTACT', 'DUPLICATE')),
    record_type     varchar(20) not null check (record_type in ('account', 'contact', 'opportunity')),
    record_id       uuid not null,
    record_name     varchar(600),
    owner_id        uuid,
    detail          varchar(500),
    score           numeric(5, 4),
    -- the queue's order among open issues: orphaned, overdue, stale, no contact, no next step,
    -- no account, duplicate, incomplete (QualityIssueKind.rank)
    rank            smallint not null,
    first_found_at  timestamp with time zone not null,
    last_found_at   timestamp with time zone not null,
    fixed_at        timestamp with time zone,
    assignee_id     uuid,
    assigned_at     timestamp with time zone,
    assigned_by     uuid,
    asked_at        timestamp with time zone,
    asked_by        uuid,
    asked_count     integer not null default 0,
    created_at      timestamp with time zone not null,
    created_by      uuid,
    updated_at      timestamp with time zone not null,
    updated_by      uuid,
    version         bigint not null default 0,
    constraint quality_issues_uk unique (kind, record_type, record_id)
);
create index quality_issues_open_idx on quality_issues (owner_id, kind) where fixed_at is null;
create index quality_issues_queue_idx on quality_issues (rank, first_found_at, id) where fixed_at is null;
create index quality_issues_assignee_idx on quality_issues (assignee_id) where assignee_id is not null;
create index quality_issues_record_idx on quality_issues (record_id);

-- dataquality: the open issues per owner and kind, rewritten by each measurement (the only thing
-- that opens or fixes issues), so that the scores pages count them without reading the queue.
create table quality_issue_counts (
    owner_id  uuid not null,
    kind      varchar(20) not null,
    issues    integer not null,
    primary key (owner_id, kind)
);

-- dataquality: each "ask the owner": who asked whom about which issue, and when.
create table quality_requests (
    id               uuid primary key,
    issue_id         uuid not null references quality_issues (id) on delete cascade,
    owner_id         uuid not null,
    asked_at         timestamp with time zone not null,
    asked_by         uuid not null,
    message          varchar(1000),
    notification_id  uuid,
    mailed           boolean not null default false
);
create index quality_requests_issue_idx on quality_requests (issue_id, asked_at desc);
