package org.prisonwatch.journal;

/**
 * Something that must happen with every write of a record, in the write's own transaction (the webhook outbox):
 * it attaches here, so no write path can forget it and a rolled-back write leaves nothing of it behind.
 */
public interface WriteFollower {

    void followed(JournalledWrite<?> write);
}
