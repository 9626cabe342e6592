-- Imports of quotas (issue #15).
alter table import_jobs drop constraint import_jobs_target_check;
alter table import_jobs add constraint import_jobs_target_check
    check (target in ('ACCOUNT', 'CONTACT', 'OPPORTUNITY', 'ACTIVITY', 'QUOTA'));
