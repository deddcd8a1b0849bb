-- The change feed's epoch. A restore from a backup rolls the database back, feed positions included: positions a
-- partner already passed are handed out again to new changes, which a cursor from before the restore would then
-- skip without a word. The restore script (src/main/scripts/restore) sets a new random epoch; cursors carry the
-- epoch they were issued in, and one from another epoch is answered 410 (resync from the start).
-- The first epoch is the empty string, so cursors issued before this migration stay valid until a restore.
create table feed_epoch (
    id         integer                  not null primary key,
    epoch      varchar(16)              not null,
    started_at timestamp with time zone not null,
    constraint feed_epoch_single_row check (id = 1)
);
insert into feed_epoch (id, epoch, started_at) values (1, '', current_timestamp);
