-- Forecasting: the pipeline review (meeting mode). A manager walks a rep's or a team's deals one by
-- one; the review is kept: who ran it, with whom, when it started and ended, the period, the deals
-- walked and a note per deal. People and deals are other modules' records, referred to by id only.
create table pipeline_reviews (
    id                uuid primary key,
    -- REP: the subject's own deals; TEAM: the deals of the subject's whole organisation
    subject_kind      varchar(8) not null check (subject_kind in ('REP', 'TEAM')),
    subject_id        uuid not null,
    -- the fiscal period reviewed, as written in URLs: 2026-Q4, 2026-11, FY2026
    period            varchar(16) not null,
    run_by            uuid not null,
    started_at        timestamp with time zone not null,
    ended_at          timestamp with time zone,
    -- attendees who are not users (a partner, someone from finance), as typed
    other_attendees   varchar(500),
    summary           text,
    created_at        timestamp with time zone not null,
    created_by        uuid,
    updated_at        timestamp with time zone not null,
    updated_by        uuid,
    version           bigint not null default 0
);
-- the last review of a rep or a team, and a person's reviews
create index pipeline_reviews_subject_idx on pipeline_reviews (subject_id, started_at desc);
create index pipeline_reviews_started_idx on pipeline_reviews (started_at desc);

create table pipeline_review_attendees (
    review_id  uuid not null references pipeline_reviews (id) on delete cascade,
    user_id    uuid not null,
    primary key (review_id, user_id)
);
create index pipeline_review_attendees_user_idx on pipeline_review_attendees (user_id);

-- The deals of a review, in walking order, with the state each had when the review started (so the
-- next review can tell what was pushed out of the period since), when it was walked and its note.
create table pipeline_review_deals (
    review_id             uuid not null references pipeline_reviews (id) on delete cascade,
    deal_id               uuid not null,
    position              integer not null,
    -- IN_PERIOD: open and closing in the period; PUSHED_OUT: pushed out of it since the last
    -- review; CHOSEN: picked by hand
    reason                varchar(16) not null check (reason in ('IN_PERIOD', 'PUSHED_OUT', 'CHOSEN')),
    amount_at_start       numeric(19, 2),
    close_date_at_start   date not null,
    discussed_at          timestamp with time zone,
    note                  text,
    primary key (review_id, deal_id),
    unique (review_id, position)
);
