-- An uploaded file is kept in parts of a megabyte, written as it is read and read back one
-- part at a time: a file of 100 MB (a million contacts) never sits in memory whole, nor
-- twice over as the hex text a bytea column arrives in.
create table import_file_parts (
    import_id  uuid not null references import_jobs (id) on delete cascade
               -- the upload stores the parts as it reads the file, and the job once it has
               -- read it (its header and rows), in the same transaction
               deferrable initially deferred,
    part       integer not null,
    content    bytea not null,
    primary key (import_id, part)
);

insert into import_file_parts (import_id, part, content) select import_id, 0, content from import_files;
drop table import_files;

-- The undo reads what an import wrote a page at a time, latest first.
create index import_rows_written_idx on import_rows (import_id, id);
