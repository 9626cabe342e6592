-- Web-to-lead: public forms that create leads, what each submission brought with it
-- (consent and provenance), and the counters behind the rate limit and the spam figures.

create table web_lead_forms (
    id                uuid primary key,
    name              varchar(120)  not null,
    -- the form's public key, in the URL the snippet posts to (192 random bits, URL-safe)
    public_key        varchar(64)   not null unique,
    -- salts the client addresses the rate limit counts (never shown; one per form)
    address_salt      bytea         not null,
    allowed_origins   text[]        not null default '{}',
    active            boolean       not null default true,
    lead_source       varchar(40)   not null,
    campaign_id       uuid,
    consent_text      varchar(2000),
    consent_required  boolean       not null default false,
    thank_you_url     varchar(2000),
    owner_id          uuid          not null,
    key_rotated_at    timestamptz,
    created_at        timestamptz   not null,
    created_by        uuid,
    updated_at        timestamptz   not null,
    updated_by        uuid,
    version           bigint        not null default 0
);

-- one row per lead a form created: the consent as shown and given, and where it came from
create table web_lead_submissions (
    id                  uuid primary key,
    form_id             uuid          not null references web_lead_forms (id),
    lead_id             uuid          not null references leads (id) on delete cascade,
    submitted_at        timestamptz   not null,
    consent_given       boolean       not null,
    consent_text        varchar(2000),
    consent_text_sha256 char(64),
    page_url            varchar(2000),
    referrer            varchar(2000),
    user_agent          varchar(255),
    -- the client address cut to its network (IPv4 /24, IPv6 /48), never the whole address
    client_network      varchar(64)
);

create index web_lead_submissions_lead on web_lead_submissions (lead_id);
create index web_lead_submissions_form on web_lead_submissions (form_id, submitted_at);

-- posts per salted client address, form and minute (rows older than an hour are pruned)
create table web_lead_rate_counters (
    form_id      uuid         not null,
    client_hash  char(64)     not null,
    minute       timestamptz  not null,
    posts        integer      not null,
    primary key (form_id, client_hash, minute)
);

create index web_lead_rate_counters_minute on web_lead_rate_counters (minute);

-- posts turned away per form and day: spam caught by the honeypot, posts over the rate limit
create table web_lead_refusals (
    form_id       uuid     not null references web_lead_forms (id),
    day           date     not null,
    spam          bigint   not null default 0,
    rate_limited  bigint   not null default 0,
    primary key (form_id, day)
);
