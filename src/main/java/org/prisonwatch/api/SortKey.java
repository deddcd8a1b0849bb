package org.prisonwatch.api;

import java.util.function.Function;

/**
 * One way rows can be ordered: the HQL path of a non-null attribute (or a non-null expression in parentheses),
 * how to read it from an entity for the cursor, and how its values are written into the cursor.
 *
 * @param valueOf the attribute's value in a row; null for the entity's identifier, read through the persistence unit
 */
public record SortKey<E>(String name, String path, Function<E, ?> valueOf, KeyCodec codec) {

    /** A key whose values travel in the cursor as text, read back with parse (names, dates, instants). */
    public SortKey(String name, String path, Function<E, Object> valueOf, Function<String, Object> parse) {
        this(name, path, (Function<E, ?>) valueOf, KeyCodec.text(parse));
    }

    /** The default order of record lists: by id, which is time-ordered (UUIDv7), so creation order. */
    public static <E> SortKey<E> byId() {
        return new SortKey<>("id", "id", null, KeyCodec.UUIDS);
    }

    /** A UUID attribute, e.g. the record id a feed row is about. */
    public static <E> SortKey<E> uuid(String path, Function<E, java.util.UUID> valueOf) {
        return new SortKey<>(path, path, valueOf, KeyCodec.UUIDS);
    }

    /** A long attribute, e.g. an audit sequence number. */
    public static <E> SortKey<E> longNumber(String path, Function<E, Long> valueOf) {
        return new SortKey<>(path, path, valueOf, KeyCodec.LONGS);
    }

    /** An int attribute, e.g. a version number. */
    public static <E> SortKey<E> intNumber(String path, Function<E, Integer> valueOf) {
        return new SortKey<>(path, path, valueOf, KeyCodec.INTS);
    }
}
