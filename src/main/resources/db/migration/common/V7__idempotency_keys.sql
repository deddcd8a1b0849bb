-- Idempotency-Key records, one per (caller's API key, Idempotency-Key).
--
-- A POST first claims its key in a short transaction of its own: a row with no status yet and a lease
-- (locked_until). The write and its stored response then commit together, in one transaction that also fills in
-- status and response. So a retry finds either nothing (the first attempt failed and released its claim), a live
-- claim (the first attempt is still running: 409), or the stored response (replayed). A claim whose lease ran out
-- belonged to an instance that died mid-request, whose write therefore rolled back: another attempt may take it
-- over, and the dead attempt's token no longer matches if it ever wakes up.

create table idempotency_key (
    caller_key_id uuid                     not null,
    idem_key      varchar(255)             not null,
    request_hash  varchar(64)              not null,
    claim_token   uuid                     not null,
    locked_until  timestamp with time zone not null,
    status        integer,
    response_body varchar(1000000),
    location      varchar(2000),
    etag          varchar(64),
    created_at    timestamp with time zone not null,
    expires_at    timestamp with time zone not null,
    primary key (caller_key_id, idem_key)
);
create index idempotency_key_expiry_idx on idempotency_key (expires_at);
