-- Issue 18, parts 1 and 2: the charter (a draft a programme lead edits, published versions that
-- never change, who accepted which version) and the steering committee (members, meetings with an
-- agenda frozen from the live figures, attendance, decisions and actions).

-- The one draft of the charter (at most one row).
create table programme_charter_drafts (
    id          uuid primary key,
    purpose     text not null default '',
    pains       text not null default '',
    payback     text not null default '',
    created_at  timestamp with time zone not null,
    created_by  uuid,
    updated_at  timestamp with time zone not null,
    updated_by  uuid,
    version     bigint not null default 0
);
create unique index programme_charter_drafts_one on programme_charter_drafts ((true));

-- "What's in it for me" of the draft, per role (identity.Role names).
create table programme_charter_draft_roles (
    role        text primary key,
    wiifm       text not null
);

create table programme_charter_versions (
    id            uuid primary key,
    number        integer not null unique check (number >= 1),
    purpose       text not null,
    pains         text not null,
    payback       text not null,
    published_at  timestamp with time zone not null,
    published_by  uuid not null references users (id),
    created_at    timestamp with time zone not null,
    created_by    uuid,
    updated_at    timestamp with time zone not null,
    updated_by    uuid,
    version       bigint not null default 0
);

create table programme_charter_version_roles (
    charter_version_id  uuid not null references programme_charter_versions (id),
    role                text not null,
    wiifm               text not null,
    primary key (charter_version_id, role)
);

create table programme_charter_acceptances (
    id                  uuid primary key,
    charter_version_id  uuid not null references programme_charter_versions (id),
    user_id             uuid not null references users (id),
    accepted_at         timestamp with time zone not null,
    created_at          timestamp with time zone not null,
    created_by          uuid,
    updated_at          timestamp with time zone not null,
    updated_by          uuid,
    version             bigint not null default 0,
    unique (user_id, charter_version_id)
);
create index programme_charter_acceptances_version on programme_charter_acceptances (charter_version_id);

-- "Not now" on the charter panel: the panel is not shown again for that version.
create table programme_charter_dismissals (
    charter_version_id  uuid not null references programme_charter_versions (id),
    user_id             uuid not null references users (id),
    dismissed_at        timestamp with time zone not null,
    primary key (user_id, charter_version_id)
);

create table programme_committee_members (
    user_id     uuid primary key references users (id),
    created_at  timestamp with time zone not null,
    created_by  uuid
);

create table programme_committee_meetings (
    id                   uuid primary key,
    held_on              date not null,
    title                text not null,
    chair_id             uuid not null references users (id),
    -- whose figures the agenda shows: a manager's organisation, or everyone when null
    scope_manager_id     uuid references users (id),
    agenda_generated_at  timestamp with time zone,
    agenda_generated_by  uuid,
    agenda_as_of         date,
    created_at           timestamp with time zone not null,
    created_by           uuid,
    updated_at           timestamp with time zone not null,
    updated_by           uuid,
    version              bigint not null default 0
);
create index programme_committee_meetings_held_on on programme_committee_meetings (held_on);

-- The agenda's figures as they stood when it was generated (never recomputed).
create table programme_committee_agenda_items (
    meeting_id  uuid not null references programme_committee_meetings (id),
    position    integer not null,
    topic       text not null,
    label       text not null,
    value       text not null,
    definition  text not null,
    primary key (meeting_id, position)
);

create table programme_committee_attendance (
    meeting_id  uuid not null references programme_committee_meetings (id),
    user_id     uuid not null references users (id),
    attended    boolean not null default false,
    updated_at  timestamp with time zone not null,
    updated_by  uuid,
    primary key (meeting_id, user_id)
);

create table programme_committee_decisions (
    id          uuid primary key,
    meeting_id  uuid not null references programme_committee_meetings (id),
    text        text not null,
    created_at  timestamp with time zone not null,
    created_by  uuid,
    updated_at  timestamp with time zone not null,
    updated_by  uuid,
    version     bigint not null default 0
);
create index programme_committee_decisions_meeting on programme_committee_decisions (meeting_id);

create table programme_committee_actions (
    id          uuid primary key,
    meeting_id  uuid not null references programme_committee_meetings (id),
    text        text not null,
    owner_id    uuid not null references users (id),
    due_on      date not null,
    status      text not null default 'OPEN' check (status in ('OPEN', 'DONE')),
    done_at     timestamp with time zone,
    created_at  timestamp with time zone not null,
    created_by  uuid,
    updated_at  timestamp with time zone not null,
    updated_by  uuid,
    version     bigint not null default 0
);
create index programme_committee_actions_meeting on programme_committee_actions (meeting_id);
create index programme_committee_actions_open on programme_committee_actions (due_on) where status = 'OPEN';
