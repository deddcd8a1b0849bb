package org.prisonwatch.stats;

import java.util.List;

/**
 * One cell of a statistic while it is computed: its group keys, how many records it rests on, the sums of the
 * bounds its counts have and how many counts have each bound. Mutable only for suppression, which marks it.
 */
final class Tally {

    final List<Object> keys;
    final long records;
    final long min;
    final long best;
    final long max;
    final long withMin;
    final long withBest;
    final long withMax;
    boolean suppressed;

    Tally(List<Object> keys, long records, long min, long best, long max, long withMin, long withBest,
            long withMax) {
        this.keys = keys;
        this.records = records;
        this.min = min;
        this.best = best;
        this.max = max;
        this.withMin = withMin;
        this.withBest = withBest;
        this.withMax = withMax;
    }

    /** The cell that adds these up, under the given keys. */
    static Tally sum(List<Object> keys, List<Tally> parts) {
        long records = 0;
        long min = 0;
        long best = 0;
        long max = 0;
        long withMin = 0;
        long withBest = 0;
        long withMax = 0;
        for (Tally part : parts) {
            records += part.records;
            min += part.min;
            best += part.best;
            max += part.max;
            withMin += part.withMin;
            withBest += part.withBest;
            withMax += part.withMax;
        }
        return new Tally(keys, records, min, best, max, withMin, withBest, withMax);
    }
}
