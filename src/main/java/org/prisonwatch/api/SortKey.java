package org.prisonwatch.api;

import java.util.function.Function;

/**
 * One way a list can be ordered: the HQL path of a non-null attribute, how to read it from an entity for the
 * cursor, and how to read it back from the cursor.
 */
public record SortKey<E>(String name, String path, Function<E, Object> valueOf, Function<String, Object> parse) {

    /** The default order: by id, which is time-ordered (UUIDv7), so creation order. */
    public static <E> SortKey<E> byId() {
        return new SortKey<>("id", null, e -> null, s -> null);
    }

    public boolean isId() {
        return path == null;
    }
}
