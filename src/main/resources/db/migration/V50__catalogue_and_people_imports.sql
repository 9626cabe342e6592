-- Imports of products, deals' line items and users (issue #15): the import that wrote each,
-- and the old system's id, by which a later import finds it again.
alter table products add column import_id uuid, add column external_id varchar(100);
create unique index products_external_id_idx on products (external_id) where external_id is not null;
alter table opportunity_line_items add column import_id uuid, add column external_id varchar(100);
create unique index opportunity_line_items_external_id_idx on opportunity_line_items (external_id)
    where external_id is not null;
alter table users add column import_id uuid, add column external_id varchar(100);
create unique index users_external_id_idx on users (external_id) where external_id is not null;
alter table import_jobs drop constraint import_jobs_target_check;
alter table import_jobs add constraint import_jobs_target_check
    check (target in ('ACCOUNT', 'CONTACT', 'OPPORTUNITY', 'ACTIVITY', 'QUOTA', 'USER', 'PRODUCT', 'LINE_ITEM'));
