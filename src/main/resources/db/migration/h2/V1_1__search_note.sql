-- H2 has no trigram index: free-text search (q) scans search_text. H2 is the embedded, single-user store;
-- deployments with real volume run on PostgreSQL, where V1_1 adds trigram indexes.
select 1;
