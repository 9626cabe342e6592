-- Marketing: when a lead moved through its life, for speed to lead and the funnel.
-- accepted_at: the first time the lead left NEW for WORKING or QUALIFIED (sales took it on),
--   set once and never moved back; a lead disqualified straight from NEW is never accepted.
-- first_activity_at: the first activity logged on the lead (filled from the activities
--   module's RecordTouched events, never from edits of the lead itself).
-- lead_status_changes: every status a lead entered, with when and by whom; its first row is
--   the lead's creation (from_status null). Conversion writes a row only when it changes the
--   status (to QUALIFIED); converted_at says when it was converted.

alter table leads
    add column accepted_at        timestamp with time zone,
    add column accepted_by        uuid,
    add column first_activity_at  timestamp with time zone,
    add column first_activity_by  uuid;

create table lead_status_changes (
    id           uuid primary key,
    lead_id      uuid not null references leads (id) on delete cascade,
    from_status  varchar(20)
        check (from_status in ('NEW', 'WORKING', 'QUALIFIED', 'DISQUALIFIED')),
    to_status    varchar(20) not null
        check (to_status in ('NEW', 'WORKING', 'QUALIFIED', 'DISQUALIFIED')),
    changed_at   timestamp with time zone not null,
    changed_by   uuid
);

create index lead_status_changes_lead_idx on lead_status_changes (lead_id, changed_at, id);
create index lead_status_changes_time_idx on lead_status_changes (changed_at, to_status);
-- leads waiting to be accepted, oldest first (the speed-to-lead queue)
create index leads_waiting_idx on leads (created_at, id) where deleted_at is null and accepted_at is null and status = 'NEW';

-- What is known of the leads already here: their creation, and their present status when it
-- is not NEW (at their last update, the best time there is).
insert into lead_status_changes (id, lead_id, from_status, to_status, changed_at, changed_by)
select gen_random_uuid(), id, null, 'NEW', created_at, created_by from leads;
insert into lead_status_changes (id, lead_id, from_status, to_status, changed_at, changed_by)
select gen_random_uuid(), id, 'NEW', status, coalesce(converted_at, updated_at), updated_by
from leads where status <> 'NEW';
update leads set accepted_at = coalesce(converted_at, updated_at), accepted_by = updated_by
where status in ('WORKING', 'QUALIFIED');
