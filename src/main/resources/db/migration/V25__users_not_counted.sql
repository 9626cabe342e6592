-- Administrators flag a user as not counted in adoption figures, with a reason (the
-- built-in administrator, a trainer, a test account); integration accounts are never
-- counted either. Null: counted.
alter table users add column not_counted_reason varchar(200);

update users set not_counted_reason = 'The built-in administrator account'
where username = 'admin' and created_by is null and not integration_account;
