-- Issue 18, item 5: communications with queued messages. A message waits in its channel's
-- queue until its send date; the delivery job then releases it (released_at) and writes one
-- delivery per person of its audience, delivered at once or, for in-app messages beyond the
-- one a day a person gets, on a later day.
create table programme_messages (
    id           uuid primary key,
    title        text not null,
    body         text not null,
    channel      text not null check (channel in ('IN_APP_BANNER', 'ANNOUNCEMENT', 'EMAIL', 'TALKING_POINTS')),
    sender_kind  text not null check (sender_kind in ('SPONSOR', 'MANAGER', 'USER')),
    sender_id    uuid references users (id),
    adkar_stage  text not null check (adkar_stage in ('AWARENESS', 'DESIRE', 'KNOWLEDGE', 'ABILITY', 'REINFORCEMENT')),
    send_on      date not null,
    key_message  text,
    released_at  timestamp with time zone,
    created_at   timestamp with time zone not null,
    created_by   uuid,
    updated_at   timestamp with time zone not null,
    updated_by   uuid,
    version      bigint not null default 0,
    check ((sender_kind = 'MANAGER') = (sender_id is null))
);
create index programme_messages_queue on programme_messages (channel, send_on) where released_at is null;

-- Who a message is for: any of its roles and any of its teams (both when both are given).
-- The kind is open to more audiences (e.g. a rollout wave).
create table programme_message_audiences (
    message_id  uuid not null references programme_messages (id) on delete cascade,
    kind        text not null,
    value       text not null,
    primary key (message_id, kind, value)
);

-- One per person of a released message's audience. recipient_id is who is told: the person,
-- or for talking points their manager. delivered_on is the UTC day of delivery; a person gets
-- at most one in-app message (banner or announcement) a day.
create table programme_message_deliveries (
    id            uuid primary key,
    message_id    uuid not null references programme_messages (id),
    user_id       uuid not null references users (id),
    recipient_id  uuid references users (id),
    sender_id     uuid references users (id),
    in_app        boolean not null,
    status        text not null check (status in ('WAITING', 'DELIVERED', 'FAILED')),
    note          text,
    created_at    timestamp with time zone not null,
    delivered_at  timestamp with time zone,
    delivered_on  date,
    read_at       timestamp with time zone,
    unique (message_id, user_id)
);
create unique index programme_message_deliveries_one_in_app_a_day
    on programme_message_deliveries (user_id, delivered_on) where in_app and status = 'DELIVERED';
create index programme_message_deliveries_waiting on programme_message_deliveries (user_id) where status = 'WAITING';
create index programme_message_deliveries_recipient on programme_message_deliveries (recipient_id, message_id);
