-- Marketing: lead assignment rules and the assignment log (issue 16, item 1).
-- lead_assignment_rules: tried in position order, the first active rule whose criteria all
--   match a lead without an owner chooses its owner. Criteria left empty match any lead:
--   sources (stored values of the lead-source pick list), countries (ISO 3166 codes) and a
--   world region (AMER, EMEA, APAC; see dev.bellwether.marketing.WorldRegion). The action
--   gives the lead to one user (assignee_id) or round-robin to the active members of a team
--   (users.team) who may own leads; last_assigned_id is the round-robin pointer, moved under
--   a row lock on the rule.
-- lead_assignments: every owner a lead was given, by a rule (RULE, with the rule and its name
--   then) or by a person (MANUAL: chosen on create, an edit, a bulk change).

create table lead_assignment_rules (
    id                uuid primary key,
    name              varchar(120) not null,
    position          integer not null,
    active            boolean not null default true,
    sources           text[] not null default '{}',
    countries         text[] not null default '{}',
    region            varchar(10) check (region in ('AMER', 'EMEA', 'APAC')),
    action            varchar(20) not null check (action in ('USER', 'ROUND_ROBIN')),
    assignee_id       uuid,
    team              varchar(80),
    last_assigned_id  uuid,
    created_at        timestamp with time zone not null,
    created_by        uuid,
    updated_at        timestamp with time zone not null,
    updated_by        uuid,
    version           bigint not null default 0,
    constraint lead_assignment_rules_action check (
        (action = 'USER' and assignee_id is not null and team is null)
        or (action = 'ROUND_ROBIN' and team is not null and assignee_id is null))
);

create unique index lead_assignment_rules_name_idx on lead_assignment_rules (lower(name));
create index lead_assignment_rules_position_idx on lead_assignment_rules (position, id);

create table lead_assignments (
    id             uuid primary key,
    lead_id        uuid not null references leads (id) on delete cascade,
    rule_id        uuid references lead_assignment_rules (id) on delete set null,
    rule_name      varchar(120),
    from_owner_id  uuid,
    to_owner_id    uuid not null,
    how            varchar(10) not null check (how in ('RULE', 'MANUAL')),
    assigned_at    timestamp with time zone not null,
    assigned_by    uuid,
    constraint lead_assignments_rule check (how = 'MANUAL' or rule_name is not null)
);

create index lead_assignments_lead_idx on lead_assignments (lead_id, assigned_at desc, id);

-- Activities (module activities, which owns this table): tasks, calls, meetings and notes
-- logged against a lead (issue 16, item 1: the lead's timeline). An activity on a lead is
-- read by whoever may read the lead (dev.bellwether.marketing.LeadAccess).
alter table activities add column lead_id uuid;
alter table activities drop constraint activities_linked;
alter table activities add constraint activities_linked
    check (account_id is not null or contact_id is not null or opportunity_id is not null or lead_id is not null);
create index activities_lead_idx on activities (lead_id, occurred_at desc, id) where lead_id is not null and deleted_at is null;
