-- Activities: tasks, calls, meetings and notes, each linked to an account, a contact and/or an
-- opportunity (other modules' records, by id). occurred_at is the instant the timeline sorts on.

create table activities (
    id              uuid primary key,
    kind            varchar(8) not null check (kind in ('TASK', 'CALL', 'MEETING', 'NOTE')),
    subject         varchar(255) not null,
    body            text,
    account_id      uuid,
    contact_id      uuid,
    opportunity_id  uuid,
    -- the assignee of a task; whoever logged a call, meeting or note
    owner_id        uuid not null,
    -- tasks
    due_date        date,
    status          varchar(12) check (status in ('OPEN', 'COMPLETED')),
    priority        varchar(8) check (priority in ('LOW', 'NORMAL', 'HIGH')),
    completed_at    timestamp with time zone,
    completed_by    uuid,
    -- calls and meetings
    starts_at       timestamp with time zone,
    ends_at         timestamp with time zone,
    occurred_at     timestamp with time zone not null,
    deleted_at      timestamp with time zone,
    deleted_by      uuid,
    created_at      timestamp with time zone not null,
    created_by      uuid,
    updated_at      timestamp with time zone not null,
    updated_by      uuid,
    version         bigint not null default 0,
    constraint activities_linked check (account_id is not null or contact_id is not null or opportunity_id is not null),
    constraint activities_task_fields check ((kind = 'TASK') = (status is not null)),
    constraint activities_meeting_times check (ends_at is null or starts_at is null or ends_at >= starts_at)
);
create index activities_account_idx on activities (account_id, occurred_at desc, id) where account_id is not null and deleted_at is null;
create index activities_contact_idx on activities (contact_id, occurred_at desc, id) where contact_id is not null and deleted_at is null;
create index activities_opportunity_idx on activities (opportunity_id, occurred_at desc, id) where opportunity_id is not null and deleted_at is null;
create index activities_open_tasks_idx on activities (owner_id, due_date, id) where kind = 'TASK' and status = 'OPEN' and deleted_at is null;
create index activities_owner_idx on activities (owner_id, occurred_at desc) where deleted_at is null;

create table activity_attendees (
    activity_id  uuid not null references activities (id) on delete cascade,
    position     integer not null,
    -- a contact, a user, or only an e-mail address
    contact_id   uuid,
    user_id      uuid,
    email        varchar(254),
    primary key (activity_id, position),
    constraint activity_attendees_someone check (contact_id is not null or user_id is not null or email is not null)
);
create index activity_attendees_contact_idx on activity_attendees (contact_id) where contact_id is not null;
create index activity_attendees_user_idx on activity_attendees (user_id) where user_id is not null;
