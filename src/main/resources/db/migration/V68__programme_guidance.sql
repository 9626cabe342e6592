-- Issue 18, in-app guidance: the onboarding checklist's completions, guided tours of key pages
-- with their steps, what each person was shown, completed and dismissed, the tour steps whose
-- target was missing on the page, and the help text per page.

-- One row per person and checklist item, written the first time the person's behaviour
-- completes it (a domain event, or the adoption module's captured usage).
create table programme_guidance_completions (
    user_id       uuid not null,
    item          varchar(40) not null,
    completed_at  timestamp with time zone not null,
    source        varchar(80) not null,
    record_id     uuid,
    created_at    timestamp with time zone not null,
    primary key (user_id, item)
);

create table programme_guidance_tours (
    id           uuid primary key,
    name         varchar(120) not null,
    path         varchar(200) not null,
    roles        text[] not null,
    feature_key  varchar(80),
    active       boolean not null default true,
    created_at   timestamp with time zone not null,
    created_by   uuid,
    updated_at   timestamp with time zone not null,
    updated_by   uuid,
    version      bigint not null default 0
);
create index programme_guidance_tours_path_idx on programme_guidance_tours (path);

create table programme_guidance_tour_steps (
    tour_id   uuid not null references programme_guidance_tours (id) on delete cascade,
    position  int not null,
    selector  varchar(300) not null,
    title     varchar(120) not null,
    body      text not null,
    primary key (tour_id, position)
);

-- What a person saw of a tour: shown (first and last), then completed or dismissed, with the
-- step reached (1-based).
create table programme_guidance_tour_views (
    tour_id        uuid not null references programme_guidance_tours (id) on delete cascade,
    user_id        uuid not null,
    first_shown_at timestamp with time zone not null,
    last_shown_at  timestamp with time zone not null,
    times_shown    int not null default 1,
    completed_at   timestamp with time zone,
    dismissed_at   timestamp with time zone,
    step_reached   int not null default 0,
    primary key (tour_id, user_id)
);

-- A step skipped because its target element was not on the page, as browsers reported it.
create table programme_guidance_missing_targets (
    tour_id           uuid not null references programme_guidance_tours (id) on delete cascade,
    position          int not null,
    selector          varchar(300) not null,
    path              varchar(200) not null,
    reports           int not null default 1,
    first_reported_at timestamp with time zone not null,
    last_reported_at  timestamp with time zone not null,
    last_reported_by  uuid,
    primary key (tour_id, position, path)
);

create table programme_guidance_help (
    path        varchar(200) primary key,
    body        text not null,
    created_at  timestamp with time zone not null,
    created_by  uuid,
    updated_at  timestamp with time zone not null,
    updated_by  uuid,
    version     bigint not null default 0
);
