package org.prisonwatch.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * EXPLAIN ANALYZE of the service's page and feed queries on the loaded data, with their parameters bound as the
 * service binds them, so that a plan that stops reading in index order (and sorts what it read instead) shows in
 * the table, with how many rows it read for the rows it returned.
 */
final class Plans {

    /**
     * One query's plan: the indexes it read, whether it sorted in memory, rows read for rows returned.
     *
     * @param checked whether a sort fails the check; not for search, which has no index order to read on H2
     */
    record Plan(String query, Set<String> indexes, boolean sorts, long rowsRead, long rowsReturned,
            boolean checked) {

        boolean ok() {
            return !checked || !sorts;
        }

        String notes() {
            return (indexes.isEmpty() ? "no index" : "index " + String.join(", ", indexes))
                    + (sorts ? ", sorted in memory" : ", read in index order")
                    + String.format(java.util.Locale.ROOT, ", %,d rows read for %,d", rowsRead, rowsReturned);
        }
    }

    private static final UUID LOWEST = new UUID(0, 0);

    private Plans() {
    }

    static List<Plan> check(Connection connection, String kind, UUID deepAfter, UUID partner, String term)
            throws SQLException {
        long horizon;
        try (PreparedStatement head = connection.prepareStatement("select seq from audit_head where id = 1");
                ResultSet rs = head.executeQuery()) {
            rs.next();
            horizon = rs.getLong(1);
        }
        List<Plan> plans = new ArrayList<>();
        plans.add(explain(connection, kind, "first page of 50, filtered", String.format(RawJdbc.PAGE, ""), true,
                "REPORTED", 51));
        if (deepAfter != null) {
            plans.add(explain(connection, kind, "page of 50 at 90 % depth",
                    String.format(RawJdbc.PAGE, "and e.id > ?"), true, "REPORTED", deepAfter, 51));
        }
        plans.add(explain(connection, kind, "search q=" + term, "select * from incident e where e.deleted_at is null "
                + "and e.search_text like ? escape '\\' order by e.id fetch first ? rows only", false,
                "%" + term + "%", 51));
        plans.add(explain(connection, kind, "partner feed, own records, first page",
                String.format(RawJdbc.FEED_OWN, ""), true, partner, horizon));
        plans.add(explain(connection, kind, "partner feed, others' records, first page",
                String.format(RawJdbc.FEED_OTHERS, ""), true, partner, horizon));
        plans.add(explain(connection, kind, "partner feed, others' records, from the middle",
                String.format(RawJdbc.FEED_OTHERS, RawJdbc.FEED_OTHERS_AFTER), true, partner, horizon, horizon / 2,
                horizon / 2, LOWEST));
        return plans;
    }

    private static Plan explain(Connection connection, String kind, String query, String sql, boolean checked,
            Object... parameters) throws SQLException {
        boolean postgres = kind.equals("postgresql");
        String explain = postgres ? "explain (analyze, costs off, timing off, summary off) " : "explain analyze ";
        StringBuilder text = new StringBuilder();
        try (PreparedStatement statement = connection.prepareStatement(explain + sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    text.append(rs.getString(1)).append('\n');
                }
            }
        }
        long returned = countRows(connection, sql, parameters);
        return postgres ? fromPostgres(query, text.toString(), returned, checked)
                : fromH2(query, text.toString(), returned, checked);
    }

    private static long countRows(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            long rows = 0;
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows++;
                }
            }
            return rows;
        }
    }

    /** PostgreSQL: index names from "Index Scan using x", rows from the scans' actual rows and filter removals. */
    private static Plan fromPostgres(String query, String text, long returned, boolean checked) {
        Set<String> indexes = new LinkedHashSet<>();
        Matcher index = Pattern.compile("(?:Index Scan|Index Only Scan|Bitmap Index Scan)(?: Backward)? (?:using |on )"
                + "(\\w+)").matcher(text);
        while (index.find()) {
            indexes.add(index.group(1));
        }
        long read = 0;
        for (String line : text.split("\n")) {
            Matcher rows = Pattern.compile("Scan.*actual rows=(\\d+) loops=(\\d+)").matcher(line);
            if (rows.find() && !line.contains("Bitmap Index Scan")) {
                read += Long.parseLong(rows.group(1)) * Long.parseLong(rows.group(2));
            }
            Matcher removed = Pattern.compile("Rows Removed by Filter: (\\d+)").matcher(line);
            if (removed.find()) {
                read += Long.parseLong(removed.group(1));
            }
        }
        boolean sorts = Pattern.compile("(?m)^\\s*(->\\s+)?(Incremental )?Sort\\b").matcher(text).find();
        return new Plan(query, indexes, sorts, read, returned, checked);
    }

    /** H2: index names from its plan comments, rows from scanCount, order from "index sorted". */
    private static Plan fromH2(String query, String text, long returned, boolean checked) {
        Set<String> indexes = new LinkedHashSet<>();
        Matcher index = Pattern.compile("/\\* PUBLIC\\.(\\w+)").matcher(text);
        while (index.find()) {
            indexes.add(index.group(1).toLowerCase(java.util.Locale.ROOT));
        }
        long read = 0;
        Matcher scans = Pattern.compile("scanCount: (\\d+)").matcher(text);
        while (scans.find()) {
            read += Long.parseLong(scans.group(1));
        }
        return new Plan(query, indexes, !text.contains("index sorted"), read, returned, checked);
    }
}
