-- Global search at a million records (docs/benchmarks.md): a deal's name is now searched by the
-- words the vocabulary (search_terms, V15) learns from it, split where it has dots, hyphens, @
-- and the like, beside the words as typed. Every word of the document of three letters or more
-- that is not a number is then a word of the vocabulary, so a query's word that starts few of
-- them is looked up as those words (platform.TextSearch#matchesNames): the index then reads
-- only what it must of a common word's records when the other words of the query are rarer,
-- where a prefix (:*) reads every record of every word it starts.
drop index opportunities_search_fts_idx;
create index opportunities_search_fts_idx on opportunities using gin (to_tsvector('simple',
    name || ' ' || translate(name, '.-_@/:+', '       ')));
