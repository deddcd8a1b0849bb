package org.prisonwatch.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Rows waiting to be inserted into one table, written with batched JDBC inserts. */
final class Table {

    private static final int BATCH = 1000;

    final String name;
    final List<String> columns;
    private final List<Object[]> pending = new ArrayList<>();
    private long written;

    Table(String name, String... columns) {
        this.name = name;
        this.columns = List.of(columns);
    }

    void add(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException(name + ": " + values.length + " values for " + columns.size()
                    + " columns");
        }
        pending.add(values);
    }

    int pending() {
        return pending.size();
    }

    /** Rows added so far, written or not. */
    long added() {
        return written + pending.size();
    }

    void flush(Connection connection) throws SQLException {
        if (pending.isEmpty()) {
            return;
        }
        String sql = "insert into " + name + " (" + String.join(", ", columns) + ") values ("
                + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            int inBatch = 0;
            for (Object[] row : pending) {
                for (int i = 0; i < row.length; i++) {
                    bind(insert, i + 1, row[i]);
                }
                insert.addBatch();
                if (++inBatch == BATCH) {
                    insert.executeBatch();
                    inBatch = 0;
                }
            }
            if (inBatch > 0) {
                insert.executeBatch();
            }
        }
        written += pending.size();
        pending.clear();
    }

    private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NULL);
        } else if (value instanceof Instant instant) {
            statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        } else {
            statement.setObject(index, value);
        }
    }
}
