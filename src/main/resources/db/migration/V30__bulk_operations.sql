-- Bulk changes (platform.edit): one operation per bulk action, one item per record it
-- covered, with the record's value before the change so that the operation can be undone.
create table bulk_operations (
    id           uuid primary key,
    record_type  varchar(40) not null,
    action       varchar(20) not null,
    field        varchar(60),
    value        text,
    subject      varchar(255),
    due_date     date,
    status       varchar(10) not null,
    total        integer not null,
    processed    integer not null default 0,
    applied      integer not null default 0,
    refused      integer not null default 0,
    undone       integer not null default 0,
    skipped      integer not null default 0,
    failure      text,
    undone_at    timestamp with time zone,
    undone_by    uuid,
    created_at   timestamp with time zone not null,
    created_by   uuid not null,
    updated_at   timestamp with time zone not null,
    updated_by   uuid not null,
    version      bigint not null default 0,
    constraint bulk_operations_action_check check (action in ('CHANGE', 'LOG_ACTIVITY', 'CREATE_TASK', 'RECYCLE')),
    constraint bulk_operations_status_check check (status in ('QUEUED', 'RUNNING', 'DONE', 'FAILED', 'UNDOING',
        'UNDONE'))
);
create index bulk_operations_creator_idx on bulk_operations (created_by, created_at desc);

create table bulk_operation_items (
    operation_id   uuid not null references bulk_operations (id) on delete cascade,
    position       integer not null,
    record_id      uuid not null,
    outcome        varchar(10) not null,
    reason         text,
    before_value   text,
    before_display text,
    after_version  bigint,
    created_id     uuid,
    primary key (operation_id, position),
    constraint bulk_operation_items_outcome_check check (outcome in ('PENDING', 'APPLIED', 'UNCHANGED', 'REFUSED',
        'UNDONE', 'SKIPPED'))
);

-- inline edits and bulk actions are usage too
alter table usage_events drop constraint usage_events_kind_check;
alter table usage_events add constraint usage_events_kind_check check (kind in ('LOGIN', 'LOGOUT', 'VIEW', 'CREATE',
    'UPDATE', 'DELETE', 'SEARCH', 'REPORT_VIEW', 'DASHBOARD_VIEW', 'FORECAST_VIEW', 'EXPORT', 'API_CALL',
    'MEETING_MODE', 'INLINE_EDIT', 'BULK_ACTION'));
