-- Every version of every case record, as the editable fields of that version (JSON of the input record), for
-- GET /{collection}/{id}/history. Written in the transaction of the write, beside its audit entry.

create table record_version (
    id          uuid                     not null primary key,
    entity      varchar(40)              not null,
    entity_id   uuid                     not null,
    version     integer                  not null,
    recorded_at timestamp with time zone not null,
    deleted     boolean                  not null,
    snapshot    varchar(1000000)         not null
);
create unique index record_version_idx on record_version (entity, entity_id, version);
