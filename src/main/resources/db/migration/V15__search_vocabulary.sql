-- Global search at a million records (docs/benchmarks.md, finding 4). Matching every word of a
-- query by trigram similarity against every searched column read thousands of candidates per
-- word from the big tables. Now a query's words are corrected against a small vocabulary of
-- the words in searched names (as PostgreSQL's pg_trgm documentation suggests), and the big
-- tables are only read through their full-text indexes, for the words and their corrections.

-- Every word of three letters or more that appears in a searched name, never removed: a word
-- no record has any more only costs a correction that finds nothing. Not domains and e-mail
-- addresses: nearly every account has a domain word of its own ("titanairlines"), which
-- would make the vocabulary as large as the accounts table; they are found by their start.
create table search_terms (
    term text primary key
);
-- the words close to a typo by trigram similarity (platform.TextSearch)
create index search_terms_trgm_idx on search_terms using gin (term gin_trgm_ops);

-- Learns the words of a text, not numbers, split where a name, domain or e-mail address has
-- dots, hyphens, @ and the like; in one sorted insert, so concurrent learners take the
-- terms' locks in the same order.
create function search_terms_learn(document text) returns void language sql as $$
    insert into search_terms (term)
    select distinct lexeme
    from unnest(tsvector_to_array(to_tsvector('simple', translate(coalesce(document, ''), '.-_@/:+', '       ')))) as lexeme
    where length(lexeme) between 3 and 40 and lexeme !~ '^[0-9]+$'
    order by 1
    on conflict do nothing
$$;

-- A row trigger learning the words of the columns named as its arguments.
create function search_terms_from_row() returns trigger language plpgsql as $$
declare
    row_values jsonb := to_jsonb(new);
    document text := '';
    column_name text;
begin
    foreach column_name in array tg_argv loop
        document := document || ' ' || coalesce(row_values ->> column_name, '');
    end loop;
    perform search_terms_learn(document);
    return null;
end
$$;

create trigger accounts_search_terms after insert or update of name on accounts
    for each row execute function search_terms_from_row('name');
create trigger contacts_search_terms after insert or update of first_name, last_name on contacts
    for each row execute function search_terms_from_row('first_name', 'last_name');
create trigger opportunities_search_terms after insert or update of name on opportunities
    for each row execute function search_terms_from_row('name');

-- Learns the words of every record at once: after a bulk load with the triggers disabled
-- (the benchmark's generator), or to rebuild the vocabulary.
create function search_terms_learn_all() returns void language sql as $$
    insert into search_terms (term)
    select distinct lexeme
    from (
        select name as document from accounts
        union all
        select coalesce(first_name, '') || ' ' || last_name from contacts
        union all
        select name from opportunities
    ) as records,
    unnest(tsvector_to_array(to_tsvector('simple', translate(records.document, '.-_@/:+', '       ')))) as lexeme
    where length(lexeme) between 3 and 40 and lexeme !~ '^[0-9]+$'
    on conflict do nothing
$$;

select search_terms_learn_all();

-- The documents searched: an account's domain and a contact's e-mail address also by their
-- parts ("apex-logistics.com" is found by "apex", "logistics" and "apex-logistics"; an
-- address by the person's name in it and by its domain).
drop index accounts_search_fts_idx;
create index accounts_search_fts_idx on accounts using gin (to_tsvector('simple',
    coalesce(name, '') || ' ' || coalesce(domain, '') || ' ' || translate(coalesce(domain, ''), '.-_@/:+', '       ')));
drop index contacts_search_fts_idx;
create index contacts_search_fts_idx on contacts using gin (to_tsvector('simple',
    coalesce(first_name, '') || ' ' || last_name || ' ' || coalesce(email, '') || ' '
    || translate(coalesce(email, ''), '.-_@/:+', '       ')));
