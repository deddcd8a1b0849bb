package org.prisonwatch.caserecord;

import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.stat.spi.StatisticsImplementor;

/**
 * Rows read by a list of ids in plain SQL, on the session's connection and in its transaction. For hot reads that
 * HQL would make dear: Hibernate caches no query plan for a query with a list parameter and translates it afresh
 * on every execution. Each statement is counted in Hibernate's statistics as Hibernate counts its own, so that a
 * test counting a request's statements sees these too.
 */
public final class RowsById {

    private RowsById() {
    }

    /** A row read into a value; the reader must not move the result set. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    /**
     * The rows of {@code before + "?, ?, …" + after}, one placeholder per id: {@code before} ends inside an
     * {@code in (}, {@code after} closes it. Nothing is flushed first: callers read what no pending write of theirs
     * touches.
     */
    public static <T> List<T> read(EntityManager em, String before, Collection<UUID> ids, String after,
            RowReader<T> reader) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String sql = before + String.join(", ", Collections.nCopies(ids.size(), "?")) + after;
        Session session = em.unwrap(Session.class);
        StatisticsImplementor statistics = session.getFactory().unwrap(SessionFactoryImplementor.class)
                .getStatistics();
        boolean counting = statistics.isStatisticsEnabled();
        return session.doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                if (counting) {
                    statistics.prepareStatement();
                }
                try {
                    int i = 0;
                    for (UUID id : ids) {
                        select.setObject(++i, id);
                    }
                    List<T> rows = new ArrayList<>(ids.size());
                    try (ResultSet row = select.executeQuery()) {
                        while (row.next()) {
                            rows.add(reader.read(row));
                        }
                    }
                    return rows;
                } finally {
                    if (counting) {
                        statistics.closeStatement();
                    }
                }
            }
        });
    }
}
