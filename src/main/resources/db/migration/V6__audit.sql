-- Audit: one row per changed field of a business record, built from the RecordChanged events
-- every module publishes. Append-only.

create table field_history (
    id           uuid primary key,
    record_type  varchar(40) not null,
    record_id    uuid not null,
    change_kind  varchar(12) not null,
    field        varchar(80),
    old_value    text,
    new_value    text,
    changed_by   uuid,
    changed_at   timestamp with time zone not null
);
create index field_history_record_idx on field_history (record_type, record_id, changed_at desc, id);
create index field_history_user_idx on field_history (changed_by, changed_at);
