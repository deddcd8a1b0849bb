-- PUT /{collection}/by-ref/{externalRef} addresses "the caller's record with that reference": each submitter has
-- at most one record per externalRef in a collection (deleted ones included: a deleted reference stays taken).
-- Rows without a submitter or a reference are not constrained (NULLs are distinct on H2 and PostgreSQL alike).
-- On a database where a submitter already used one externalRef twice, this migration fails and names the index;
-- find the pairs with: select submitted_by, external_ref, count(*) from incident group by 1, 2 having count(*) > 1
create unique index incident_submitter_ref_idx on incident (submitted_by, external_ref);
create unique index armed_report_submitter_ref_idx on armed_inmate_report (submitted_by, external_ref);
create unique index casualty_submitter_ref_idx on casualty (submitted_by, external_ref);
