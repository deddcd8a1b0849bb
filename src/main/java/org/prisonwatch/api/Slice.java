package org.prisonwatch.api;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Rows read by a {@link Keyset}, with the cursors that continue from them.
 *
 * @param rows        at most the limit asked for, in order
 * @param more        whether rows follow the last one
 * @param start       the cursor the read continued from (a cursor at the start when none was given), sealed only
 *                    when asked for: a page that has rows never needs it
 * @param cursorAfter the cursor that continues right after a given row of this slice
 */
public record Slice<E>(List<E> rows, boolean more, Supplier<String> start, Function<E, String> cursorAfter) {

    /** The cursor the read continued from. */
    public String from() {
        return start.get();
    }

    /** The cursor after the last row, or the one asked from when there are no rows: it stops moving at the end. */
    public String next() {
        return rows.isEmpty() ? from() : cursorAfter.apply(rows.get(rows.size() - 1));
    }
}
