package org.prisonwatch.bench;

/**
 * A record's row in record_change (migrations V6 and V9), moved by each write exactly as
 * journal.WriteJournal#moveToEndOfFeed moves it: seq follows every write; public_seq and shared_seq follow only
 * the writes anonymous callers or partners may see, and the one that withdraws the record from them.
 */
final class FeedRow {

    boolean exists;
    long seq;
    long publicSeq;
    long sharedSeq;
    boolean everPublic;
    boolean everShared;
    boolean lastPublic;
    boolean lastShared;

    void moved(long writeSeq, boolean deleted, String confidentiality) {
        if (!exists) {
            publicSeq = writeSeq;
            sharedSeq = writeSeq;
            exists = true;
        }
        seq = writeSeq;
        boolean publicNow = !deleted && "PUBLIC".equals(confidentiality);
        boolean sharedNow = !deleted && !"CONFIDENTIAL".equals(confidentiality);
        everPublic |= publicNow;
        everShared |= sharedNow;
        if (publicNow || lastPublic) {
            publicSeq = writeSeq;
        }
        if (sharedNow || lastShared) {
            sharedSeq = writeSeq;
        }
        lastPublic = publicNow;
        lastShared = sharedNow;
    }
}
