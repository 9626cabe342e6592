-- Service: cases, their queues, comments (public replies and internal notes), every status
-- they entered (SLA pauses are computed from it) and their attachments.
-- Accounts, contacts, products and users are referred to by id only (customers, sales and
-- identity own those tables). Deleted cases stay in the table, in the recycle bin.

create table case_queues (
    id           uuid primary key,
    name         varchar(120) not null,
    description  varchar(1000),
    -- who SLA escalations of the queue's cases go to
    manager_id   uuid,
    active       boolean not null default true,
    created_at   timestamp with time zone not null,
    created_by   uuid,
    updated_at   timestamp with time zone not null,
    updated_by   uuid,
    version      bigint not null default 0
);

create unique index case_queues_name_idx on case_queues (lower(name));

-- the agents who work a queue ("Next case" in my queues)
create table case_queue_members (
    queue_id  uuid not null references case_queues (id) on delete cascade,
    user_id   uuid not null,
    primary key (queue_id, user_id)
);

create index case_queue_members_user_idx on case_queue_members (user_id);

-- the default queue: cases opened from a customer's message, or without a queue, land here
insert into case_queues (id, name, description, active, created_at, updated_at) values
    ('01900000-0000-7000-8000-00000000c001', 'Support', 'Every case that has no other queue.', true, now(), now());

-- shown as "#1042"
create sequence case_number_seq start with 1001;

create table cases (
    id                 uuid primary key,
    number             bigint not null default nextval('case_number_seq'),
    subject            varchar(300) not null,
    description        text check (char_length(description) <= 100000),
    account_id         uuid,
    contact_id         uuid,
    product_id         uuid,
    priority           varchar(10) not null default 'NORMAL'
        check (priority in ('LOW', 'NORMAL', 'HIGH', 'URGENT')),
    -- 1 (low) to 4 (urgent): queues are worked most urgent first
    priority_rank      smallint generated always as (case priority when 'URGENT' then 4 when 'HIGH' then 3
                           when 'NORMAL' then 2 else 1 end) stored,
    status             varchar(20) not null default 'NEW'
        check (status in ('NEW', 'OPEN', 'WAITING_ON_CUSTOMER', 'RESOLVED', 'CLOSED')),
    channel            varchar(10) not null check (channel in ('EMAIL', 'PHONE', 'WEB', 'PORTAL')),
    owner_id           uuid,
    queue_id           uuid references case_queues (id),
    requester_email    varchar(254),
    requester_name     varchar(200),
    -- the first public reply by an agent
    first_response_at  timestamp with time zone,
    resolved_at        timestamp with time zone,
    closed_at          timestamp with time zone,
    deleted_at         timestamp with time zone,
    deleted_by         uuid,
    created_at         timestamp with time zone not null,
    created_by         uuid,
    updated_at         timestamp with time zone not null,
    updated_by         uuid,
    last_touched_at    timestamp with time zone not null,
    last_touched_by    uuid,
    version            bigint not null default 0
);

alter sequence case_number_seq owned by cases.number;

create unique index cases_number_idx on cases (number);
-- the list's default order (newest first) and the queue views, keyset-paged (docs/keyset.md)
create index cases_created_idx on cases (created_at, id) where deleted_at is null;
create index cases_status_idx on cases (status, created_at, id) where deleted_at is null;
create index cases_owner_idx on cases (owner_id, status, created_at, id) where deleted_at is null;
create index cases_queue_idx on cases (queue_id, status, created_at, id) where deleted_at is null;
create index cases_priority_idx on cases (priority_rank, created_at, id) where deleted_at is null;
create index cases_account_idx on cases (account_id, created_at, id) where deleted_at is null and account_id is not null;
create index cases_contact_idx on cases (contact_id) where contact_id is not null;
create index cases_product_idx on cases (product_id) where product_id is not null;
-- "Next case": the oldest most urgent unassigned open case
create index cases_unassigned_idx on cases (priority_rank desc, created_at, id)
    where deleted_at is null and owner_id is null and status in ('NEW', 'OPEN', 'WAITING_ON_CUSTOMER');
create index cases_resolved_idx on cases (resolved_at, id) where deleted_at is null and resolved_at is not null;
create index cases_deleted_idx on cases (deleted_at) where deleted_at is not null;
-- the list's search box: part of the subject or the requester's address
create index cases_subject_trgm_idx on cases using gin (lower(subject) gin_trgm_ops);
create index cases_requester_trgm_idx on cases using gin (lower(requester_email) gin_trgm_ops);

create table case_comments (
    id            uuid primary key,
    case_id       uuid not null references cases (id) on delete cascade,
    -- null when the customer (or Bellwether) wrote it
    author_id     uuid,
    author_email  varchar(254),
    body          text not null check (char_length(body) <= 100000),
    internal      boolean not null default false,
    source        varchar(10) not null check (source in ('AGENT', 'CUSTOMER', 'SYSTEM')),
    created_at    timestamp with time zone not null,
    constraint case_comments_customer_public check (source <> 'CUSTOMER' or not internal)
);

create index case_comments_case_idx on case_comments (case_id, created_at, id);

-- every status a case entered; its first row is the case's creation (from_status null)
create table case_status_changes (
    id           uuid primary key,
    case_id      uuid not null references cases (id) on delete cascade,
    from_status  varchar(20)
        check (from_status in ('NEW', 'OPEN', 'WAITING_ON_CUSTOMER', 'RESOLVED', 'CLOSED')),
    to_status    varchar(20) not null
        check (to_status in ('NEW', 'OPEN', 'WAITING_ON_CUSTOMER', 'RESOLVED', 'CLOSED')),
    changed_at   timestamp with time zone not null,
    -- null when a customer's reply or Bellwether moved it
    actor_id     uuid
);

create index case_status_changes_case_idx on case_status_changes (case_id, changed_at, id);
create index case_status_changes_time_idx on case_status_changes (changed_at, to_status);

create table case_attachments (
    id            uuid primary key,
    case_id       uuid not null references cases (id) on delete cascade,
    comment_id    uuid references case_comments (id) on delete set null,
    file_name     varchar(255) not null,
    content_type  varchar(150) not null,
    size_bytes    bigint not null check (size_bytes between 0 and 20971520),
    content       bytea not null,
    created_at    timestamp with time zone not null,
    created_by    uuid
);

create index case_attachments_case_idx on case_attachments (case_id, created_at, id);
