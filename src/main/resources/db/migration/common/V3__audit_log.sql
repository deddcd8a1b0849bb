-- Append-only, hash-chained audit log. Each entry's hash covers its fields and the previous entry's hash; the
-- single audit_head row holds the chain's end and is locked by each appending transaction, so entries get their
-- sequence numbers in commit order and the chain never forks.

create table audit_entry (
    seq            bigint                   not null primary key,
    actor_key_id   uuid,
    action         varchar(24)              not null,
    entity         varchar(40)              not null,
    entity_id      uuid,
    record_version integer,
    occurred_at    timestamp with time zone not null,
    previous_hash  varchar(64)              not null,
    hash           varchar(64)              not null
);
create index audit_entry_entity_idx on audit_entry (entity, entity_id, seq);
create index audit_entry_actor_idx on audit_entry (actor_key_id, seq);
create index audit_entry_action_idx on audit_entry (action, seq);

create table audit_head (
    id   integer     not null primary key,
    seq  bigint      not null,
    hash varchar(64) not null
);
insert into audit_head (id, seq, hash) values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
