-- Service: e-mail to case (docs/service.md, "E-mail to case").
-- case_mail_messages: every message Bellwether received for the support mailbox (direction
--   IN: polled over IMAP or posted to /api/v1/inbound-mail) and every message it sent for a
--   case (OUT), one row per Message-ID, so a message fetched twice never opens two cases and
--   a customer's reply finds its case by its In-Reply-To and References headers.
--   outcome (IN): CASE_OPENED, THREADED, HELD_AUTO_REPLY, HELD_BOUNCE, HELD_MAILING_LIST,
--   HELD_LOOP, HELD_RATE_LIMIT, NO_SENDER, UNREADABLE, RELEASED (a held one an administrator
--   let through); (OUT): SENT, FAILED.
--   raw: the message as received, kept for what opened no case (held, no sender,
--   unreadable), so an administrator can read, download or release it: nothing is lost.
--   message_id: the Message-ID without its angle brackets; one Bellwether made up
--   ("sha256-…@inbound.bellwether.invalid") for a message that has none.

create table case_mail_messages (
    id             uuid primary key,
    message_id     varchar(998) not null,
    direction      varchar(3) not null check (direction in ('IN', 'OUT')),
    case_id        uuid references cases (id) on delete set null,
    comment_id     uuid references case_comments (id) on delete set null,
    from_address   varchar(320),
    from_name      varchar(200),
    to_address     varchar(320),
    subject        varchar(1000),
    at             timestamp with time zone not null,
    outcome        varchar(20) not null,
    detail         varchar(2000),
    source         varchar(10) not null check (source in ('IMAP', 'API', 'SMTP')),
    raw            bytea,
    raw_size       bigint not null default 0,
    released_at    timestamp with time zone,
    released_by    uuid,
    unique (message_id)
);

create index case_mail_messages_case_idx on case_mail_messages (case_id, at) where case_id is not null;
create index case_mail_messages_at_idx on case_mail_messages (at desc);
-- the rate cap per sender counts the last minutes' messages from one address
create index case_mail_messages_sender_idx on case_mail_messages (lower(from_address), at) where direction = 'IN';
