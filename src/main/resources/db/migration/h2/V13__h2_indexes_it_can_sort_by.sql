-- H2 only. H2's planner takes an index with a condition on it over one that gives the query's ORDER BY, and it
-- neither weighs the LIMIT nor sees that an index whose leading column is fixed by the filter is sorted by the
-- next. So an index led by a column that nearly every row shares (deleted_at is null, confidentiality, a status)
-- made every first page read and sort every matching row in memory (100,000 incidents: 0.4 s a page, and a heap
-- blown under load), where the primary key, read in order and filtered, stops after one page's worth. PostgreSQL
-- plans these well and keeps them. Measured with EXPLAIN ANALYZE at 100,000 incidents: a page filtered by
-- verification status went from scanning 100,122 rows and sorting them to scanning 156, index sorted.
drop index incident_live_id_idx;
drop index incident_confidentiality_idx;
drop index incident_verification_idx;
drop index incident_type_idx;
drop index casualty_live_id_idx;
drop index casualty_confidentiality_idx;
drop index casualty_outcome_idx;
drop index casualty_group_idx;
drop index armed_report_live_id_idx;
drop index armed_report_confidentiality_idx;
drop index armed_report_combat_idx;
drop index source_live_id_idx;
drop index source_confidentiality_idx;
drop index source_kind_idx;
drop index prison_live_id_idx;
drop index prison_conflict_zone_idx;
-- The feed by an audience's position: led by ever_public/ever_shared, H2 used the index for the position's range
-- only and sorted everything after the cursor for every page (a partner's catch-up at 100,000 incidents: 597
-- rows/s). Led by the position, the index is read in order and rows the audience never saw are skipped.
drop index record_change_public_position_idx;
drop index record_change_shared_position_idx;
create index record_change_public_position_idx on record_change (public_seq, entity_id);
create index record_change_shared_position_idx on record_change (shared_seq, entity_id);
