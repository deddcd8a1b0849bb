package org.prisonwatch.change;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.function.Predicate;
import org.prisonwatch.api.CursorScope;
import org.prisonwatch.api.Cursors;
import org.prisonwatch.api.ProblemException;
import org.prisonwatch.api.ProblemType;

/**
 * The change feed's epoch: a new one starts with every restore from a backup (src/main/scripts/restore sets it).
 * Feed cursors begin with their epoch's tag, so a cursor from before a restore, whose position may have been
 * handed out again to changes it never saw, is refused with 410 instead of silently skipping them. The first
 * epoch's tag is empty: cursors issued before epochs existed keep working until the first restore.
 *
 * <p>The tag is not secret and not sealed: every cursor shows it. Putting another epoch's tag on a cursor gains a
 * caller nothing but a position among its own rows.
 */
@ApplicationScoped
public class FeedEpoch {

    /** The epoch column's width; the restore script makes tags of 8. */
    static final int MAX_TAG = 16;

    @Inject
    EntityManager em;

    /**
     * The current epoch's tag, read from the database on every page: a restore may happen while instances run
     * (PostgreSQL), and a tag cached from before it would let stale cursors through.
     */
    String current() {
        return (String) em.createNativeQuery("select epoch from feed_epoch where id = 1").getSingleResult();
    }

    /**
     * The cursor without its epoch tag; 410 when it is a feed cursor this service issued to the caller in another
     * epoch, and the usual 400 for anything else (the tag alone proves nothing: a forged cursor is no resync).
     *
     * @param scope what feed cursors are sealed for
     * @param issued whether a string without any tag is a feed cursor sealed for this caller
     */
    static String opened(String epoch, String after, CursorScope scope, Predicate<String> issued) {
        if (after == null || epoch.isEmpty()) {
            return after;
        }
        if (after.startsWith(epoch) && after.length() > epoch.length()) {
            return after.substring(epoch.length());
        }
        if (issuedInAnEarlierEpoch(after, issued)) {
            throw new ProblemException(ProblemType.FEED_RESTARTED, "The service was restored from a backup since "
                    + "this cursor was issued, so changes you already read may have been rolled back and their "
                    + "positions given to new ones. Read the feed again from the start (without after) and replace "
                    + "your copy with what it gives");
        }
        throw Cursors.refused(scope);
    }

    /** Tried with every tag length an epoch may have (the column holds 16), the first epoch's none included. */
    private static boolean issuedInAnEarlierEpoch(String cursor, Predicate<String> issued) {
        for (int tag = 0; tag <= MAX_TAG && tag < cursor.length(); tag++) {
            if (issued.test(cursor.substring(tag))) {
                return true;
            }
        }
        return false;
    }

    /** A cursor of this epoch, as clients get it. */
    static String marked(String epoch, String cursor) {
        return cursor == null ? null : epoch + cursor;
    }
}
