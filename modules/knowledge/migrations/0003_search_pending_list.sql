-- Search reads the GIN index's pending list (entries not yet merged into the index) on every
-- query, page by page. With the default limit (4 MB, ~500 pages) a busy municipality's queries
-- scanned hundreds of pending pages each: measured at 1,000,000 entries on PostgreSQL 15, the
-- search p95 was 86 ms with 240 pending pages and 42 ms after they were merged. A 256 kB limit
-- (32 pages) makes the writer that fills it merge it sooner, in smaller steps.
ALTER INDEX search_entries_tsv SET (gin_pending_list_limit = 256);

-- Room on each page for an entry's new version: updates that change no indexed column (the
-- metadata saved on first view, a rebuild that changes nothing the indexes hold) stay on their
-- page (HOT) and add nothing to the indexes or their pending lists. Applies to pages written from
-- now on.
ALTER TABLE search_entries SET (fillfactor = 90);
