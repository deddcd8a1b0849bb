-- Who is pushed each write (the webhook subscriptions, and whether their keys still stand) changes only by audited
-- actions, which lock the audit head like every write. Each such entry leaves its hash here, so a writer holding the
-- head's lock knows whether the recipients it read before are still the recipients: each instance keeps them in
-- memory and reads them again only when this changes, instead of on every write. Null until the first such change.
alter table audit_head add column push_recipients_mark varchar(64);
