-- Issue 18: the adoption programme. Who runs it besides administrators: the PROGRAMME_LEAD
-- flag, kept by the programme module (whatever the person's role).
create table programme_leads (
    user_id     uuid primary key references users (id),
    created_at  timestamp with time zone not null,
    created_by  uuid
);
