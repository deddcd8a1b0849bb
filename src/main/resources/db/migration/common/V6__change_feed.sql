-- The change feed (GET /api/v1/changes): one row per record, moved to the end of the feed by every write to it.
-- A row's seq is the audit sequence number of the record's latest write. Audit sequence numbers are taken under
-- the lock on the audit_head row, which is held until commit, so seq order is commit order: once a reader has
-- seen seq N, every change that will ever carry a smaller seq is already committed and visible to it.
--
-- ever_public and ever_shared only ever turn true. They let the feed tell anonymous callers and partners about a
-- record that was withdrawn from them (a DELETE entry) without telling them about records they never could see.

create table record_change (
    entity_id    uuid        not null primary key,
    entity       varchar(40) not null,
    seq          bigint      not null,
    submitted_by uuid,
    ever_public  boolean     not null,
    ever_shared  boolean     not null
);
create index record_change_seq_idx on record_change (seq, entity_id);
create index record_change_entity_idx on record_change (entity, seq, entity_id);
create index record_change_public_idx on record_change (ever_public, seq, entity_id);
create index record_change_shared_idx on record_change (ever_shared, seq, entity_id);
create index record_change_submitter_idx on record_change (submitted_by, seq, entity_id);

-- Records written before the feed existed join it at their latest audited write (0 when there is none); ties
-- are broken by id, so the order stays total.
insert into record_change (entity_id, entity, seq, submitted_by, ever_public, ever_shared)
select p.id, 'Prison', coalesce((select max(a.seq) from audit_entry a where a.entity_id = p.id), 0), null, true, true
from prison p;
insert into record_change (entity_id, entity, seq, submitted_by, ever_public, ever_shared)
select r.id, 'Source', coalesce((select max(a.seq) from audit_entry a where a.entity_id = r.id), 0), r.submitted_by,
       r.confidentiality = 'PUBLIC', r.confidentiality <> 'CONFIDENTIAL'
from source r;
insert into record_change (entity_id, entity, seq, submitted_by, ever_public, ever_shared)
select r.id, 'Incident', coalesce((select max(a.seq) from audit_entry a where a.entity_id = r.id), 0), r.submitted_by,
       r.confidentiality = 'PUBLIC', r.confidentiality <> 'CONFIDENTIAL'
from incident r;
insert into record_change (entity_id, entity, seq, submitted_by, ever_public, ever_shared)
select r.id, 'ArmedInmateReport', coalesce((select max(a.seq) from audit_entry a where a.entity_id = r.id), 0),
       r.submitted_by, r.confidentiality = 'PUBLIC', r.confidentiality <> 'CONFIDENTIAL'
from armed_inmate_report r;
insert into record_change (entity_id, entity, seq, submitted_by, ever_public, ever_shared)
select r.id, 'Casualty', coalesce((select max(a.seq) from audit_entry a where a.entity_id = r.id), 0), r.submitted_by,
       r.confidentiality = 'PUBLIC', r.confidentiality <> 'CONFIDENTIAL'
from casualty r;
