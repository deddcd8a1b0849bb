-- Push to partners (package webhook). A subscription sends every write its audience may see to one URL; each
-- event is a delivery, written by the write journal in the write's own transaction (the outbox), so a committed
-- write is never missed and a rolled-back one never sent. Workers on every instance claim due deliveries with
-- SELECT ... FOR UPDATE SKIP LOCKED and a lease (claimed_until), one at a time per subscription, in position order.

create table webhook_subscription (
    id                    uuid                     not null primary key,
    url                   varchar(2048)            not null,
    -- the audience payloads are rendered for: a PARTNER key, or null for anonymous callers
    api_key_id            uuid                     references api_key (id),
    -- the feed's entity names, comma-separated; null for every kind
    entities              varchar(200),
    enabled               boolean                  not null,
    disabled_reason       varchar(300),
    -- signing secrets sealed with AES-GCM under a key kept outside the database (SigningSecrets)
    secret                varchar(200)             not null,
    previous_secret       varchar(200),
    previous_secret_until timestamp with time zone,
    created_at            timestamp with time zone not null,
    updated_at            timestamp with time zone not null,
    version               integer                  not null
);

create table webhook_delivery (
    id              uuid                     not null primary key,
    subscription_id uuid                     not null references webhook_subscription (id) on delete cascade,
    -- the audit sequence number of the write: the commit order; null for a ping
    position        bigint,
    event_type      varchar(24)              not null,
    entity          varchar(40),
    entity_id       uuid,
    record_version  integer,
    -- the body as rendered for the subscriber's audience when the write happened; every retry sends it unchanged
    payload         varchar(1000000)         not null,
    created_at      timestamp with time zone not null,
    -- PENDING, DELIVERED, FAILED (its schedule ran out, or the target answered 410), CANCELLED (key revoked)
    status          varchar(12)              not null,
    attempts        integer                  not null,
    -- failed attempts since the schedule last started (a manual retry starts it again)
    schedule_step   integer                  not null,
    next_attempt_at timestamp with time zone,
    claimed_until   timestamp with time zone,
    claimed_by      varchar(64),
    finished_at     timestamp with time zone
);
create index webhook_delivery_due_idx on webhook_delivery (status, next_attempt_at);
create index webhook_delivery_queue_idx on webhook_delivery (subscription_id, status, position);
create index webhook_delivery_log_idx on webhook_delivery (subscription_id, id);

create table webhook_attempt (
    id               uuid                     not null primary key,
    delivery_id      uuid                     not null references webhook_delivery (id) on delete cascade,
    attempt          integer                  not null,
    attempted_at     timestamp with time zone not null,
    -- what was sent: the stored event, or record.deleted for a record the subscriber may no longer see
    sent_as          varchar(24)              not null,
    status_code      integer,
    latency_ms       integer                  not null,
    succeeded        boolean                  not null,
    error            varchar(500),
    response_excerpt varchar(1000)
);
create index webhook_attempt_delivery_idx on webhook_attempt (delivery_id, attempt);
