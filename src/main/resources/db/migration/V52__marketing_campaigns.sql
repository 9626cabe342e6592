-- Marketing: campaigns (a hierarchy: a campaign may have a parent), their actual cost lines, and
-- their members. Members are leads or contacts, referred to by type and id only: the customers
-- module owns contacts and the leads' table is marketing's own, so no foreign key crosses a
-- module (DESIGN.md). Owners are users, by id. Budgets and costs are in the company currency.

create table campaigns (
    id              uuid primary key,
    name            varchar(200) not null,
    campaign_type   varchar(80),
    status          varchar(12)  not null check (status in ('PLANNED', 'ACTIVE', 'COMPLETED', 'ABORTED')),
    start_date      date,
    end_date        date,
    budget          numeric(19, 2) check (budget >= 0),
    currency        char(3)      not null,
    parent_id       uuid references campaigns (id),
    owner_id        uuid         not null,
    description     text,
    created_at      timestamp with time zone not null,
    created_by      uuid,
    updated_at      timestamp with time zone not null,
    updated_by      uuid,
    version         bigint       not null default 0,
    constraint campaigns_end_not_before_start check (end_date is null or start_date is null or end_date >= start_date),
    constraint campaigns_not_own_parent check (parent_id is null or parent_id <> id)
);
create index campaigns_parent_idx on campaigns (parent_id);
create index campaigns_name_idx on campaigns (lower(name), id);
create index campaigns_start_idx on campaigns (start_date desc, id);
create index campaigns_owner_idx on campaigns (owner_id);

-- What a campaign actually cost, line by line; the sum is the campaign's own actual cost.
create table campaign_costs (
    id           uuid primary key,
    campaign_id  uuid           not null references campaigns (id),
    cost_date    date           not null,
    supplier     varchar(200),
    amount       numeric(19, 2) not null check (amount >= 0),
    note         varchar(1000),
    created_at   timestamp with time zone not null,
    created_by   uuid,
    updated_at   timestamp with time zone not null,
    updated_by   uuid,
    version      bigint         not null default 0
);
create index campaign_costs_campaign_idx on campaign_costs (campaign_id, cost_date);

-- A lead or contact in a campaign, with the time each member status was first reached: these are
-- the touches campaign attribution reads (e.g. the first time a member responded).
create table campaign_members (
    id            uuid primary key,
    campaign_id   uuid        not null references campaigns (id),
    member_type   varchar(10) not null check (member_type in ('LEAD', 'CONTACT')),
    member_id     uuid        not null,
    status        varchar(12) not null check (status in ('SENT', 'OPENED', 'RESPONDED', 'ATTENDED')),
    sent_at       timestamp with time zone,
    opened_at     timestamp with time zone,
    responded_at  timestamp with time zone,
    attended_at   timestamp with time zone,
    created_at    timestamp with time zone not null,
    created_by    uuid,
    updated_at    timestamp with time zone not null,
    updated_by    uuid,
    version       bigint      not null default 0,
    constraint campaign_members_once unique (campaign_id, member_type, member_id)
);
-- a person's touches across campaigns, for attribution
create index campaign_members_member_idx on campaign_members (member_type, member_id, responded_at);

-- The campaign types administrators edit (platform pick list; campaigns store the key).
insert into pick_lists (name, label, module, description, stores, max_label_length) values
    ('campaign-type', 'Campaign type', 'marketing', 'The kind of a marketing campaign.', 'KEY', 80);
insert into pick_list_values (id, list_name, value_key, label, position)
select gen_random_uuid(), 'campaign-type', v.value_key, v.label, v.position
from (values
    ('webinar', 'Webinar', 1),
    ('event', 'Event', 2),
    ('e-mail', 'E-mail', 3),
    ('paid-search', 'Paid search', 4),
    ('social', 'Social', 5),
    ('content', 'Content', 6),
    ('trade-show', 'Trade show', 7),
    ('partner', 'Partner', 8),
    ('direct-mail', 'Direct mail', 9),
    ('other', 'Other', 10)
) as v (value_key, label, position);
