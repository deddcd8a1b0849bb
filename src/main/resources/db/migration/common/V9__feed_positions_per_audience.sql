-- Where a record sits in the change feed for callers who cannot see every record (issue 9, gap 10). seq moves with
-- every write, which staff may see. A record hidden from anonymous callers must not keep moving in their feed
-- (each move would tell them someone is still working on it), so public_seq moves only with a write they may see,
-- or with the write that withdrew the record from them (their DELETE entry); shared_seq is the same for partners.
-- last_public and last_shared say whether the record was visible to them after its latest write. All of them are
-- audit sequence numbers taken under the audit head lock, so each is in commit order like seq.
alter table record_change add column public_seq bigint;
alter table record_change add column shared_seq bigint;
alter table record_change add column last_public boolean;
alter table record_change add column last_shared boolean;
-- existing rows: where they are now; a record once visible may move once more, at its next write
update record_change set public_seq = seq, shared_seq = seq, last_public = ever_public, last_shared = ever_shared;
alter table record_change alter column public_seq set not null;
alter table record_change alter column shared_seq set not null;
alter table record_change alter column last_public set not null;
alter table record_change alter column last_shared set not null;
create index record_change_public_seq_idx on record_change (public_seq, entity_id);
create index record_change_shared_seq_idx on record_change (shared_seq, entity_id);
