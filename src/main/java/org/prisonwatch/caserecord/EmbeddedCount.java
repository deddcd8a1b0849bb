package org.prisonwatch.caserecord;

import jakarta.persistence.Embeddable;

/** A count stored as three bounds; the owning entity names the columns. */
@Embeddable
public class EmbeddedCount {

    public Integer min;
    public Integer best;
    public Integer max;

    public static EmbeddedCount of(Count count) {
        if (count == null) {
            return null;
        }
        EmbeddedCount stored = new EmbeddedCount();
        stored.min = count.min();
        stored.best = count.best();
        stored.max = count.max();
        return stored;
    }

    public static Count toCount(EmbeddedCount stored) {
        if (stored == null || (stored.min == null && stored.best == null && stored.max == null)) {
            return null;
        }
        return new Count(stored.min, stored.best, stored.max);
    }
}
