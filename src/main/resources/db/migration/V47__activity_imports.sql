-- Activities brought in by an import (issue #15): the import that wrote them, and the old
-- system's id, by which a later import finds them again.
alter table activities add column import_id uuid, add column external_id varchar(100);
create unique index activities_external_id_idx on activities (external_id) where external_id is not null;
create index activities_import_idx on activities (import_id) where import_id is not null;
