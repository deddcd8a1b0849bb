-- PostgreSQL only: free-text search (q) is a substring match on search_text; trigram GIN indexes make it
-- index-backed. pg_trgm is a trusted extension, so the database owner may create it.
create extension if not exists pg_trgm;
create index prison_search_trgm_idx on prison using gin (search_text gin_trgm_ops);
create index source_search_trgm_idx on source using gin (search_text gin_trgm_ops);
create index incident_search_trgm_idx on incident using gin (search_text gin_trgm_ops);
