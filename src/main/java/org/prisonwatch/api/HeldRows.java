package org.prisonwatch.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Where the rows of a page's narrow read (its gating facts, see {@link Keyset#columns}) may be answered again from
 * memory while they are known to be current. The statement is the key: the same HQL with the same parameters
 * (the caller's restrictions and the position a cursor opened to among them) reads the same rows from the same
 * state of the database, so whoever holds them decides only how long that state may be trusted.
 */
public interface HeldRows {

    /** The rows the statement reads: held ones while they are current, else {@code read}'s (and held if they may be). */
    List<Object[]> rows(Statement statement, Supplier<List<Object[]>> read);

    /** An HQL statement, its parameters by name and the most rows it reads. */
    record Statement(String hql, Map<String, Object> parameters, int maxResults) {

        public Statement {
            // a copy, so that the key cannot change once held; values may be null, which Map.copyOf refuses
            parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        }
    }
}
