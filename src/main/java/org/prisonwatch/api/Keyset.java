package org.prisonwatch.api;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Keyset paging, the one way the API pages: record lists, the audit log, history and the change feed. Each page
 * continues strictly after the (sort value, unique key) of the previous page's last row, so pages stay fast at any
 * depth and inserts elsewhere never shift, skip or repeat a row.
 *
 * <p>Positions travel as cursors sealed by {@link Cursors}: typed by what they continue (this keyset's scope and
 * the sort), bound to the caller, unreadable and unforgeable.
 */
public final class Keyset<E> {

    private final Class<E> entity;
    private final String alias;
    private final String scope;
    private final SortKey<E> unique;
    private final Map<String, SortKey<E>> sortKeys;
    /** An attribute the filter fixes to one value, named first in ORDER BY; null for none. */
    private final String fixedFirst;

    /**
     * A list of records (entity alias e), by id unless the caller names one of the given sort keys; ties are
     * broken by id. Its cursors continue only lists of this entity in the same order.
     */
    @SafeVarargs
    public Keyset(Class<E> entity, SortKey<E>... sortKeys) {
        this(entity, "e", entity.getSimpleName(), SortKey.byId(), List.of(sortKeys));
    }

    private Keyset(Class<E> entity, String alias, String scope, SortKey<E> unique, List<SortKey<E>> sortKeys) {
        this(entity, alias, scope, unique, sortKeys, null);
    }

    private Keyset(Class<E> entity, String alias, String scope, SortKey<E> unique, List<SortKey<E>> sortKeys,
            String fixedFirst) {
        this.fixedFirst = fixedFirst;
        this.entity = entity;
        this.alias = alias;
        this.scope = scope;
        this.unique = unique;
        this.sortKeys = new LinkedHashMap<>();
        this.sortKeys.put(unique.name(), unique);
        sortKeys.forEach(key -> this.sortKeys.put(key.name(), key));
    }

    /**
     * Rows of one table (alias e) in the order of a number that is unique among the rows listed: the audit log by
     * sequence number, a record's versions by version.
     */
    public static <E> Keyset<E> byNumber(Class<E> entity, SortKey<E> number) {
        return new Keyset<>(entity, "e", entity.getSimpleName(), number, List.of());
    }

    /** Rows under the given alias, ordered by one of the sort keys and then the unique key (the change feed). */
    public static <E> Keyset<E> of(Class<E> entity, String alias, String scope, SortKey<E> unique,
            List<SortKey<E>> sortKeys) {
        return new Keyset<>(entity, alias, scope, unique, sortKeys);
    }

    /** The same paging, with cursors that continue only this part of it (one record's history, say). */
    public Keyset<E> scopedTo(String part) {
        return new Keyset<>(entity, alias, scope + "/" + part, unique, List.copyOf(sortKeys.values()), fixedFirst);
    }

    /**
     * The same paging over rows whose filter fixes this attribute (of the alias) to one value, named first in ORDER
     * BY. The order is unchanged, but H2 then sees that an index led by the attribute gives it, and reads that
     * index in order instead of sorting every matching row (a partner's own feed rows, 164,096 of them at 1M
     * incidents, were sorted for every page).
     */
    public Keyset<E> withFixed(String attribute) {
        return new Keyset<>(entity, alias, scope, unique, List.copyOf(sortKeys.values()), alias + "." + attribute);
    }

    /** The sort keys a caller may name, for documentation and error messages. */
    public String allowedSorts() {
        return sortKeys.keySet().stream().sorted().collect(Collectors.joining(", "));
    }

    /** A page of a list: the rows after params.cursor in params.sort, each rendered; nextCursor when more follow. */
    public <V> Page<V> page(EntityManager em, Filter filter, PageParams params, Function<E, V> toView) {
        Slice<E> slice = slice(em, filter, params.sort, "cursor", params.cursor, params.limitOrDefault());
        return new Page<>(slice.rows().stream().map(toView).toList(), slice.more() ? slice.next() : null);
    }

    /** A page of this list, to be read by whoever takes it. */
    public PageQuery<E> query(EntityManager em, Filter filter, PageParams params) {
        return new PageQuery<>(this, em, filter, params);
    }

    /** What this keyset's cursors in the given sort are sealed for. */
    public CursorScope cursorScope(String sort, String parameter) {
        return new CursorScope(scope + ":" + sort, parameter);
    }

    /** Whether this service sealed the cursor for this keyset, sort and caller (whatever position it holds). */
    public boolean issued(String sort, String parameter, String cursor) {
        try {
            Cursors.current().open(cursorScope(sort, parameter), cursor);
            return true;
        } catch (ProblemException notOurs) {
            return false;
        }
    }

    /**
     * Up to limit rows matching the filter (written against this keyset's alias), after the position the cursor
     * holds, in the named sort ("-" prefix for descending; the unique key when none is named).
     *
     * @param parameter the query parameter the cursor came in, named in the problem when it does not open
     */
    public Slice<E> slice(EntityManager em, Filter filter, String sort, String parameter, String cursor, int limit) {
        return slice(em, filter, sort, parameter, cursor, limit, new Selection<E, E>() {
            @Override
            public String select(String keyPath, String uniquePath) {
                return alias;
            }

            @Override
            public Class<E> type() {
                return entity;
            }

            @Override
            public Object valueOf(SortKey<E> key, E row) {
                return Keyset.valueOf(em, key, row);
            }
        });
    }

    /**
     * The rows {@link #page} would read, but of each only the given attributes (of the alias): one narrow query for
     * callers that already hold the rest. Each row holds the attributes in the order given, then the sort value
     * and the unique key that its cursor is made of.
     */
    public Slice<Object[]> columns(EntityManager em, Filter filter, PageParams params, List<String> attributes,
            HeldRows held) {
        int given = attributes.size();
        return slice(em, filter, params.sort, "cursor", params.cursor, params.limitOrDefault(), new Selection<E, Object[]>() {
            @Override
            public String select(String keyPath, String uniquePath) {
                return attributes.stream().map(attribute -> alias + "." + attribute)
                        .collect(Collectors.joining(", ", "", ", " + keyPath + ", " + uniquePath));
            }

            @Override
            public Class<Object[]> type() {
                return Object[].class;
            }

            @Override
            public Object valueOf(SortKey<E> key, Object[] row) {
                return row[key == unique ? given + 1 : given];
            }

            @Override
            public List<Object[]> rows(HeldRows.Statement statement, Supplier<List<Object[]>> read) {
                return held.rows(statement, read);
            }
        });
    }

    /** What a read selects of each row, and how the values of a position are read back from a row it returned. */
    private interface Selection<E, R> {

        String select(String keyPath, String uniquePath);

        Class<R> type();

        Object valueOf(SortKey<E> key, R row);

        /** The statement's rows; read from the database unless the selection's rows may be held. */
        default List<R> rows(HeldRows.Statement statement, Supplier<List<R>> read) {
            return read.get();
        }
    }

    private <R> Slice<R> slice(EntityManager em, Filter filter, String sort, String parameter, String cursor,
            int limit, Selection<E, R> selection) {
        String sortParam = sort == null || sort.isBlank() ? unique.name() : sort.strip();
        boolean descending = sortParam.startsWith("-");
        SortKey<E> key = sortKeys.get(descending ? sortParam.substring(1) : sortParam);
        if (key == null) {
            throw ProblemException.invalidParameter("sort", "must be one of " + allowedSorts()
                    + ", optionally prefixed with -");
        }
        CursorScope cursorScope = cursorScope(sortParam, parameter);
        Cursors cursors = Cursors.current();
        Object[] after = cursor == null ? null : read(key, cursorScope, cursors.open(cursorScope, cursor));

        String where = filter.where();
        String cmp = descending ? "<" : ">";
        String dir = descending ? " desc" : " asc";
        String uniquePath = pathOf(unique);
        String keyPath = pathOf(key);
        if (after != null) {
            // "value > v or (value = v and key > k)" alone is an OR that H2 cannot serve from the (value, key)
            // index, so it scanned the whole table; the leading "value >= v" is a plain range both databases seek
            where = "(" + where + ") and " + (key == unique ? uniquePath + " " + cmp + " :afterKey"
                    : keyPath + " " + cmp + "= :afterValue and (" + keyPath + " " + cmp + " :afterValue or "
                            + uniquePath + " " + cmp + " :afterKey)");
        }
        String order = (fixedFirst == null ? "" : fixedFirst + dir + ", ")
                + (key == unique ? uniquePath + dir : keyPath + dir + ", " + uniquePath + dir);
        String hql = "select " + selection.select(keyPath, uniquePath) + " from " + entity.getSimpleName() + " "
                + alias + " where " + where + " order by " + order;
        Map<String, Object> parameters = new LinkedHashMap<>(filter.parameters());
        if (after != null) {
            parameters.put("afterKey", after[after.length - 1]);
            if (key != unique) {
                parameters.put("afterValue", after[0]);
            }
        }
        List<R> rows = selection.rows(new HeldRows.Statement(hql, parameters, limit + 1), () -> {
            TypedQuery<R> query = em.createQuery(hql, selection.type());
            parameters.forEach(query::setParameter);
            return query.setMaxResults(limit + 1).getResultList();
        });
        boolean more = rows.size() > limit;
        if (more) {
            rows = rows.subList(0, limit);
        }
        Supplier<String> from = cursor != null ? () -> cursor : () -> cursors.seal(cursorScope, new byte[0]);
        return new Slice<>(rows, more, from, row -> cursors.seal(cursorScope, write(key, selection, row)));
    }

    /** The key's HQL: an attribute of the alias, or an expression in parentheses written against the alias. */
    private String pathOf(SortKey<E> key) {
        return key.path().startsWith("(") ? key.path() : alias + "." + key.path();
    }

    /** The position after a row: its sort value (unless sorted by the unique key), then its unique key. */
    private <R> byte[] write(SortKey<E> key, Selection<E, R> selection, R row) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            if (key != unique) {
                key.codec().write(out, selection.valueOf(key, row));
            }
            unique.codec().write(out, selection.valueOf(unique, row));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The values a position holds, or null for the start; a position that does not parse is refused. */
    private Object[] read(SortKey<E> key, CursorScope cursorScope, byte[] position) {
        if (position.length == 0) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(position))) {
            Object[] values = key == unique ? new Object[] {unique.codec().read(in)}
                    : new Object[] {key.codec().read(in), unique.codec().read(in)};
            if (in.available() == 0) {
                return values;
            }
        } catch (IOException | RuntimeException e) {
            // only a cursor sealed with our key gets here, so a format change or a bug, never an attacker's bytes
        }
        throw Cursors.refused(cursorScope);
    }

    private static <E> Object valueOf(EntityManager em, SortKey<E> key, E row) {
        return key.valueOf() != null ? key.valueOf().apply(row)
                : em.getEntityManagerFactory().getPersistenceUnitUtil().getIdentifier(row);
    }
}
