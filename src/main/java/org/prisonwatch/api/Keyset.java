package org.prisonwatch.api;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Keyset paging: each page continues strictly after the (sort value, id) of the previous page's last item, so
 * pages stay fast at any depth and inserts elsewhere never shift, skip or repeat a record.
 */
public final class Keyset<E> {

    private final Class<E> entity;
    private final Map<String, SortKey<E>> sortKeys;

    @SafeVarargs
    public Keyset(Class<E> entity, SortKey<E>... sortKeys) {
        this.entity = entity;
        this.sortKeys = Arrays.stream(sortKeys).collect(Collectors.toMap(SortKey::name, Function.identity()));
        this.sortKeys.put("id", SortKey.byId());
    }

    /** The sort keys a caller may name, for documentation and error messages. */
    public String allowedSorts() {
        return sortKeys.keySet().stream().sorted().collect(Collectors.joining(", "));
    }

    public <V> Page<V> page(EntityManager em, Filter filter, PageParams params, Function<E, V> toView) {
        String sortParam = params.sort == null || params.sort.isBlank() ? "id" : params.sort.strip();
        boolean descending = sortParam.startsWith("-");
        SortKey<E> key = sortKeys.get(descending ? sortParam.substring(1) : sortParam);
        if (key == null) {
            throw ProblemException.invalidParameter("sort", "must be one of " + allowedSorts()
                    + ", optionally prefixed with -");
        }
        String where = filter.where();
        Cursor after = params.cursor == null ? null : Cursor.decode(params.cursor);
        if (after != null && !after.sort().equals(sortParam)) {
            throw ProblemException.invalidParameter("cursor", "belongs to sort=" + after.sort()
                    + "; start again without a cursor to change the sort");
        }
        String cmp = descending ? "<" : ">";
        String dir = descending ? " desc" : " asc";
        if (after != null) {
            where += key.isId()
                    ? " and e.id " + cmp + " :afterId"
                    : " and (e." + key.path() + " " + cmp + " :afterValue or (e." + key.path()
                            + " = :afterValue and e.id " + cmp + " :afterId))";
        }
        String order = key.isId() ? "e.id" + dir : "e." + key.path() + dir + ", e.id" + dir;
        TypedQuery<E> query = em.createQuery("select e from " + entity.getSimpleName() + " e where " + where
                + " order by " + order, entity);
        filter.parameters().forEach(query::setParameter);
        if (after != null) {
            query.setParameter("afterId", after.id());
            if (!key.isId()) {
                query.setParameter("afterValue", parse(key, after.value()));
            }
        }
        int limit = params.limitOrDefault();
        List<E> rows = query.setMaxResults(limit + 1).getResultList();
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            E last = rows.get(limit - 1);
            Object value = key.valueOf().apply(last);
            next = new Cursor(sortParam, value == null ? null : value.toString(), idOf(em, last)).encode();
        }
        return new Page<>(rows.stream().map(toView).toList(), next);
    }

    private static Object parse(SortKey<?> key, String value) {
        try {
            return key.parse().apply(value);
        } catch (RuntimeException e) {
            throw ProblemException.invalidParameter("cursor", "is not a cursor this API issued");
        }
    }

    private static UUID idOf(EntityManager em, Object entity) {
        return (UUID) em.getEntityManagerFactory().getPersistenceUnitUtil().getIdentifier(entity);
    }
}
