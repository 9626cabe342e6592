-- List views: saved filters, columns, sort and page size of a list, per person; shared with a
-- role or a team (a manager and everyone below them); and each person's default view per list.
-- Standard views are declared in code (fixed ids), not stored.

create table list_views (
    id              uuid primary key,
    record_type     varchar(40) not null,
    name            varchar(80) not null,
    owner_id        uuid not null,
    -- the view as a URL query (owner=me&status=open&cols=name,stage:140&sort=closeDate,desc&size=50)
    settings        text not null,
    sharing         varchar(10) not null,
    shared_role     varchar(20),
    shared_team_id  uuid,
    created_at      timestamp with time zone not null,
    created_by      uuid,
    updated_at      timestamp with time zone not null,
    updated_by      uuid,
    version         bigint not null default 0,
    constraint list_views_sharing_check check (sharing in ('PERSONAL', 'ROLE', 'TEAM')),
    constraint list_views_shared_with check ((sharing = 'PERSONAL' and shared_role is null and shared_team_id is null)
        or (sharing = 'ROLE' and shared_role is not null and shared_team_id is null)
        or (sharing = 'TEAM' and shared_team_id is not null and shared_role is null))
);
create unique index list_views_owner_name_uk on list_views (owner_id, record_type, lower(name));
create index list_views_type_idx on list_views (record_type, sharing);

create table list_view_defaults (
    user_id      uuid not null,
    record_type  varchar(40) not null,
    view_id      uuid not null,
    updated_at   timestamp with time zone not null,
    primary key (user_id, record_type)
);
