-- An Idempotency-Key is now claimed by inserting its row in the transaction of the write it protects (see
-- IdempotencyRecords): a twin waits on the row's uncommitted insert instead of reading a lease, and the database
-- itself releases the claim of an instance that dies. A committed row therefore always holds a response.
--
-- Rows without a response are claims of the previous design: attempts still running on an instance of the older
-- version, or left by one that died (their writes never committed). Deleting them is safe either way: such an
-- attempt can no longer store its response (its row, and the claim_token column its update names, are gone), so
-- its write rolls back, and a retry performs the write once.
delete from idempotency_key where status is null;
alter table idempotency_key drop column claim_token;
alter table idempotency_key drop column locked_until;
