-- Issue 18, items 7 and 8: pulse surveys (programme) and the privacy policy over adoption
-- figures (adoption: the adoption module reads it, the programme page edits it through
-- adoption's public PrivacyPolicy).

-- The privacy policy: one row (id = 1), written the first time it is changed; until
-- then INDIVIDUAL with a minimum group size of 5.
create table adoption_privacy_policy (
    id                  smallint primary key check (id = 1),
    mode                varchar(20) not null check (mode in ('INDIVIDUAL', 'AGGREGATE_ONLY')),
    minimum_group_size  integer not null check (minimum_group_size >= 2),
    created_at          timestamp with time zone not null,
    created_by          uuid,
    updated_at          timestamp with time zone not null,
    updated_by          uuid,
    version             bigint not null default 0
);

-- Every export of individual adoption figures: who, when, what.
create table adoption_export_log (
    id           uuid primary key,
    exported_by  uuid not null,
    exported_at  timestamp with time zone not null,
    export       varchar(100) not null,
    scope        varchar(300) not null,
    row_count    integer not null,
    created_at   timestamp with time zone not null,
    created_by   uuid,
    updated_at   timestamp with time zone not null,
    updated_by   uuid,
    version      bigint not null default 0
);
create index adoption_export_log_at on adoption_export_log (exported_at desc);

-- Pulse surveys: ADKAR, NPS of the CRM, one-question polls.
create table programme_surveys (
    id              uuid primary key,
    kind            varchar(10) not null check (kind in ('ADKAR', 'NPS', 'POLL')),
    title           varchar(200) not null,
    question        varchar(500),
    options         text[] not null default '{}',
    audience_roles  text[] not null default '{}',
    audience_teams  text[] not null default '{}',
    sample_percent  integer not null check (sample_percent between 0 and 100),
    seed            bigint not null,
    closed_at       timestamp with time zone,
    created_at      timestamp with time zone not null,
    created_by      uuid,
    updated_at      timestamp with time zone not null,
    updated_by      uuid,
    version         bigint not null default 0
);

-- Who was asked (the 60-day throttle reads asked_at across all surveys) and whether they
-- answered; never what they answered.
create table programme_survey_invitations (
    survey_id    uuid not null references programme_surveys (id),
    user_id      uuid not null references users (id),
    asked_at     timestamp with time zone not null,
    answered_on  date,
    primary key (survey_id, user_id)
);
create index programme_survey_invitations_user on programme_survey_invitations (user_id, asked_at);

-- The answers, anonymous: no person, a random (not time-ordered) id and the day only, so
-- that an answer cannot be joined back to the invitation it came from; the team is kept
-- for results by team.
create table programme_survey_answers (
    id           uuid primary key,
    survey_id    uuid not null references programme_surveys (id),
    team         varchar(200),
    scores       integer[] not null default '{}',
    option_index integer,
    created_at   timestamp with time zone not null,
    created_by   uuid,
    updated_at   timestamp with time zone not null,
    updated_by   uuid,
    version      bigint not null default 0
);
create index programme_survey_answers_survey on programme_survey_answers (survey_id);
