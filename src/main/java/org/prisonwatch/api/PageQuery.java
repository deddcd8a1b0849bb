package org.prisonwatch.api;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.function.Function;

/**
 * A page of a keyset list, not read yet: read whole ({@link #rows}), or only some attributes of each of the same
 * rows ({@link #columns}), for a reader that may already hold the rest.
 */
public record PageQuery<E>(Keyset<E> keyset, EntityManager em, Filter filter, PageParams params) {

    /** The page's rows, whole. */
    public Page<E> rows() {
        return keyset.page(em, filter, params, Function.identity());
    }

    /**
     * The same rows, with only the given attributes of each (see {@link Keyset#columns}), answered by {@code held}
     * when it holds them.
     */
    public Slice<Object[]> columns(List<String> attributes, HeldRows held) {
        return keyset.columns(em, filter, params, attributes, held);
    }
}
