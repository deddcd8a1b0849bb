-- Test only (UpgradedChainTest): a chain as versions before keyed hashing left it, two entries hashed with plain
-- SHA-256 over seq|actor|action|entity|entityId|version|occurredAt|previousHash.

insert into audit_entry (seq, actor_key_id, action, entity, entity_id, record_version, occurred_at, previous_hash, hash)
values (1, null, 'KEY_ISSUE', 'ApiKey', '0193aaaa-0000-7000-8000-000000000001', null,
        timestamp with time zone '2025-01-01 00:00:00+00', '0000000000000000000000000000000000000000000000000000000000000000',
        '72568a5447853dd2e116481b584b856d851d153e777d0d5dd4affb2dd020956b');
insert into audit_entry (seq, actor_key_id, action, entity, entity_id, record_version, occurred_at, previous_hash, hash)
values (2, '0193aaaa-0000-7000-8000-000000000001', 'CREATE', 'Prison', '0193aaaa-0000-7000-8000-000000000002', 1,
        timestamp with time zone '2025-01-02 00:00:00+00', '72568a5447853dd2e116481b584b856d851d153e777d0d5dd4affb2dd020956b',
        'ede0a374800507587082b75ec3d3a7f79a03486a184a859aadaaa9f853e8b6c3');
update audit_head set seq = 2, hash = 'ede0a374800507587082b75ec3d3a7f79a03486a184a859aadaaa9f853e8b6c3' where id = 1;
