-- Full-text documents for the global search (the trigram indexes on the same columns come with
-- each module's tables). 'simple' configuration: names are not English prose, so no stemming.
create index accounts_search_fts_idx on accounts
    using gin (to_tsvector('simple', coalesce(name, '') || ' ' || coalesce(domain, '')));
create index contacts_search_fts_idx on contacts
    using gin (to_tsvector('simple', coalesce(first_name, '') || ' ' || last_name || ' ' || coalesce(email, '')));
create index opportunities_search_fts_idx on opportunities using gin (to_tsvector('simple', name));
