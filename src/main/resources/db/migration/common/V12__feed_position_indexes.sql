-- Each audience reads the feed along an index that starts with its own filter and sorts by its own position:
-- anonymous callers where ever_public, by public_seq; partners where ever_shared, by shared_seq. With the
-- position alone leading, a feed that is mostly hidden from them would be scanned row by row to fill a page.
-- A submitter's own records are read along record_change_submitter_idx (submitted_by, seq, entity_id).
create index record_change_public_position_idx on record_change (ever_public, public_seq, entity_id);
create index record_change_shared_position_idx on record_change (ever_shared, shared_seq, entity_id);
-- superseded: by the indexes above, and (for the seq-ordered pair) by per-audience positions since V9
drop index record_change_public_seq_idx;
drop index record_change_shared_seq_idx;
drop index record_change_public_idx;
drop index record_change_shared_idx;
