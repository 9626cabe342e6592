-- Service: a satisfaction survey for each resolution of a case. The customer answers it
-- through a signed, single-use, expiring link (no sign-in): CSAT 1-5 about the case, and
-- optionally NPS 0-10 about the company, with a comment. Who and what the survey is about
-- (agent, account, product) is kept as of the resolution, so the figures do not move when a
-- case is reassigned afterwards.
create table case_surveys (
    id              uuid primary key,
    case_id         uuid not null references cases (id) on delete cascade,
    recipient_email varchar(254) not null,
    -- the case's owner when it was resolved (the agent the answer is about)
    agent_id        uuid,
    account_id      uuid,
    product_id      uuid,
    resolved_at     timestamp with time zone not null,
    -- handed to the SMTP server; null while mail is off (the link is on the case page)
    sent_at         timestamp with time zone,
    expires_at      timestamp with time zone not null,
    -- a later resolution of the same case sent a newer survey: this link no longer answers
    superseded_at   timestamp with time zone,
    csat            smallint check (csat between 1 and 5),
    nps             smallint check (nps between 0 and 10),
    comment         text check (char_length(comment) <= 5000),
    answered_at     timestamp with time zone,
    created_at      timestamp with time zone not null,
    constraint case_surveys_answered check ((answered_at is null) = (csat is null)),
    constraint case_surveys_nps_answered check (nps is null or answered_at is not null)
);

create index case_surveys_case_idx on case_surveys (case_id, created_at);
create index case_surveys_answered_idx on case_surveys (answered_at, id) where answered_at is not null;
