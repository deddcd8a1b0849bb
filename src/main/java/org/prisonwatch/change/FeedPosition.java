package org.prisonwatch.change;

import java.util.UUID;
import org.prisonwatch.api.Cursor;
import org.prisonwatch.api.ProblemException;

/** A place in the feed: after the record with this id at this sequence number. Clients see it as an opaque cursor. */
record FeedPosition(long seq, UUID id) {

    private static final String SORT = "changes";

    static final FeedPosition START = new FeedPosition(-1, new UUID(0, 0));

    String encode() {
        return new Cursor(SORT, Long.toString(seq), id).encode();
    }

    static FeedPosition decode(String after) {
        try {
            Cursor cursor = Cursor.decode(after);
            if (SORT.equals(cursor.sort()) && cursor.value() != null) {
                return new FeedPosition(Long.parseLong(cursor.value()), cursor.id());
            }
        } catch (ProblemException | NumberFormatException e) {
            // answered below, naming this endpoint's parameter
        }
        throw ProblemException.invalidParameter("after", "is not a change feed cursor this API issued");
    }
}
