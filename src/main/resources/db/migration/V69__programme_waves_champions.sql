-- Issue 18, items 3 and 4: top-down rollout waves with gates, and champions per team.

-- A rollout wave: who is in it (org levels and/or teams, plus people named one by one),
-- when it is planned to start, its gates (at least one) and where it stands.
create table programme_waves (
    id                   uuid primary key,
    name                 varchar(100) not null,
    position             int not null,
    levels               int[] not null default '{}',
    teams                text[] not null default '{}',
    planned_start        date not null,
    status               varchar(10) not null,
    activation_days      int,
    activation_percent   numeric(5, 2),
    adoption_percent     numeric(5, 2),
    first_value_days     int,
    opened_at            timestamp with time zone,
    opened_by            uuid,
    closed_at            timestamp with time zone,
    closed_by            uuid,
    created_at           timestamp with time zone not null,
    created_by           uuid,
    updated_at           timestamp with time zone not null,
    updated_by           uuid,
    version              bigint not null default 0,
    constraint programme_waves_status_check check (status in ('PLANNED', 'OPEN', 'PASSED', 'FAILED')),
    constraint programme_waves_gate_check check (activation_days is not null or adoption_percent is not null
        or first_value_days is not null),
    constraint programme_waves_activation_check check ((activation_days is null) = (activation_percent is null))
);

-- People named into a wave one by one, besides its levels and teams.
create table programme_wave_people (
    wave_id  uuid not null references programme_waves (id) on delete cascade,
    user_id  uuid not null,
    primary key (wave_id, user_id)
);

-- Who was in the wave when it opened (its funnel's "invited"), kept as it was.
create table programme_wave_members (
    wave_id  uuid not null references programme_waves (id) on delete cascade,
    user_id  uuid not null,
    primary key (wave_id, user_id)
);

-- A wave opened before the waves ahead of it passed their gates: the lead's reason, kept.
create table programme_wave_overrides (
    id          uuid primary key,
    wave_id     uuid not null references programme_waves (id) on delete cascade,
    reason      text not null,
    unmet       text not null,
    created_at  timestamp with time zone not null,
    created_by  uuid
);
create index programme_wave_overrides_wave_idx on programme_wave_overrides (wave_id);

-- Champions: a person designated for their team.
create table programme_champions (
    id          uuid primary key,
    user_id     uuid not null,
    team        varchar(100) not null,
    created_at  timestamp with time zone not null,
    created_by  uuid,
    updated_at  timestamp with time zone not null,
    updated_by  uuid,
    version     bigint not null default 0,
    unique (user_id, team)
);

-- How many people one champion covers (1 per 15 unless a lead changes it).
create table programme_champion_settings (
    id                  int primary key default 1,
    people_per_champion int not null,
    created_at          timestamp with time zone not null,
    created_by          uuid,
    updated_at          timestamp with time zone not null,
    updated_by          uuid,
    version             bigint not null default 0,
    constraint programme_champion_settings_one check (id = 1),
    constraint programme_champion_settings_ratio check (people_per_champion between 1 and 1000)
);

-- Champions whose own pulse answers turned negative (reported by the pulse surveys).
create table programme_champion_flags (
    id          uuid primary key,
    user_id     uuid not null,
    reason      text not null,
    created_at  timestamp with time zone not null,
    created_by  uuid
);
create index programme_champion_flags_user_idx on programme_champion_flags (user_id);
