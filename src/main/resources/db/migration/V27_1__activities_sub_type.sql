-- Activities: a task, call or meeting may have a sub-type from its kind's pick list
-- (platform pick lists task-type, call-type, meeting-type); the label is stored, and renames
-- are followed by the activities module.
alter table activities add column sub_type varchar(60);
