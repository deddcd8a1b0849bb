package org.prisonwatch.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.HdrHistogram.Histogram;

/**
 * The database's floor: the rows an API page needs, read with plain JDBC by one client on one connection, with the
 * same predicates and order as the service's queries and every column of every row read. What the API adds on
 * top (HTTP, authentication, rate limiting, the gate, JSON) is the difference.
 */
final class RawJdbc {

    record Timing(long operations, double seconds, Histogram micros) {

        double perSecond() {
            return operations / seconds;
        }

        double p50Millis() {
            return micros.getValueAtPercentile(50) / 1000.0;
        }

        double p99Millis() {
            return micros.getValueAtPercentile(99) / 1000.0;
        }
    }

    record FeedScan(long rows, long pages, double seconds, boolean reachedEnd) {

        double rowsPerSecond() {
            return rows / seconds;
        }
    }

    /** As Hibernate sends the service's list query: the filter's value and the page size bound as parameters. */
    static final String PAGE = "select * from incident e where e.deleted_at is null "
            + "and e.verification_status = ? %s order by e.id fetch first ? rows only";

    /** A submitter's feed, as ChangeFeed reads it: their own records by seq up to the horizon (%s: after). */
    static final String FEED_OWN = "select c.*, c.seq as position from record_change c where c.submitted_by = ? "
            + "and c.seq <= ? %s order by c.submitted_by, c.seq, c.entity_id limit 501";
    /** The others' records a partner could once see, by shared_seq up to the horizon (%s: after). */
    static final String FEED_OTHERS = "select c.*, c.shared_seq as position from record_change c "
            + "where c.ever_shared = true and (c.submitted_by is null or c.submitted_by <> ?) and c.shared_seq <= ? "
            + "%s order by c.shared_seq, c.entity_id limit 501";
    /** Keyset continuation as the service's Keyset writes it: a range the index can seek, then the tie-break. */
    static final String FEED_OWN_AFTER = "and c.seq >= ? and (c.seq > ? or c.entity_id > ?)";
    static final String FEED_OTHERS_AFTER = "and c.shared_seq >= ? and (c.shared_seq > ? or c.entity_id > ?)";

    private RawJdbc() {
    }

    /** The incident at the given depth (0..1) of the REPORTED list, by id: where the 90 % page starts. */
    static UUID idAtDepth(Connection connection, long liveReported, double depth) throws SQLException {
        long offset = (long) Math.floor(liveReported * depth) - 1;
        if (offset < 0) {
            return null;
        }
        try (PreparedStatement select = connection.prepareStatement("select id from incident e where "
                + "e.deleted_at is null and e.verification_status = 'REPORTED' order by e.id offset ? rows "
                + "fetch next 1 rows only")) {
            select.setLong(1, offset);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getObject(1, UUID.class) : null;
            }
        }
    }

    /** A page of 50 REPORTED incidents after the given id (null: the first page); their lists are in the rows. */
    static Timing page(Connection connection, UUID after, Duration duration) throws SQLException {
        Histogram micros = new Histogram(3_600_000_000L, 3);
        long end = System.nanoTime() + duration.toNanos();
        long started = System.nanoTime();
        long operations = 0;
        String sql = String.format(PAGE, after == null ? "" : "and e.id > ?");
        try (PreparedStatement page = connection.prepareStatement(sql)) {
            while (System.nanoTime() < end || operations < 20) {
                long t0 = System.nanoTime();
                int p = 1;
                page.setString(p++, "REPORTED");
                if (after != null) {
                    page.setObject(p++, after);
                }
                page.setInt(p, 51);
                List<UUID> ids = new ArrayList<>();
                try (ResultSet rs = page.executeQuery()) {
                    while (rs.next() && ids.size() < 50) {
                        readRow(rs);
                        ids.add(rs.getObject("id", UUID.class));
                    }
                }
                micros.recordValue(Math.max(1, (System.nanoTime() - t0) / 1000));
                operations++;
            }
        }
        return new Timing(operations, (System.nanoTime() - started) / 1e9, micros);
    }

    /**
     * One incident by id as the service reads an uncached one: its row, which holds its lists (V19), cycling through
     * the same sample the API scenario reads.
     */
    static Timing byId(Connection connection, List<UUID> sample, Duration duration) throws SQLException {
        Histogram micros = new Histogram(3_600_000_000L, 3);
        long end = System.nanoTime() + duration.toNanos();
        long started = System.nanoTime();
        long operations = 0;
        try (PreparedStatement row = connection.prepareStatement("select * from incident e where e.id = ?")) {
            while (System.nanoTime() < end || operations < 20) {
                UUID id = sample.get((int) (operations % sample.size()));
                long t0 = System.nanoTime();
                row.setObject(1, id);
                try (ResultSet rs = row.executeQuery()) {
                    while (rs.next()) {
                        readRow(rs);
                    }
                }
                micros.recordValue(Math.max(1, (System.nanoTime() - t0) / 1000));
                operations++;
            }
        }
        return new Timing(operations, (System.nanoTime() - started) / 1e9, micros);
    }

    /**
     * The change feed as a partner reads it (ChangeFeed for a submitter): the audit head's number, then its own
     * records by seq and the others it could once see by shared_seq, each half up to that number, read along its
     * index, at most 501 rows of each after the last position, merged; then each page's records by id (their
     * lists are in their rows).
     */
    static FeedScan feed(Connection connection, UUID partner, Duration max) throws SQLException {
        String own = FEED_OWN;
        String others = FEED_OTHERS;
        String ownAfter = FEED_OWN_AFTER;
        String othersAfter = FEED_OTHERS_AFTER;
        long started = System.nanoTime();
        long end = started + max.toNanos();
        long rows = 0;
        long pages = 0;
        Long lastPosition = null;
        UUID lastId = null;
        boolean reachedEnd = false;
        while (System.nanoTime() < end) {
            List<Object[]> merged = new ArrayList<>();
            long horizon;
            try (PreparedStatement head = connection.prepareStatement("select seq from audit_head where id = 1");
                    ResultSet rs = head.executeQuery()) {
                rs.next();
                horizon = rs.getLong(1);
            }
            half(connection, String.format(own, lastId == null ? "" : ownAfter), partner, horizon, lastPosition,
                    lastId, merged);
            half(connection, String.format(others, lastId == null ? "" : othersAfter), partner, horizon,
                    lastPosition, lastId, merged);
            merged.sort((a, b) -> {
                int byPosition = Long.compare((Long) a[0], (Long) b[0]);
                return byPosition != 0 ? byPosition : unsigned((UUID) a[1], (UUID) b[1]);
            });
            List<Object[]> page = merged.subList(0, Math.min(500, merged.size()));
            Map<String, List<UUID>> byKind = new LinkedHashMap<>();
            for (Object[] row : page) {
                lastPosition = (Long) row[0];
                lastId = (UUID) row[1];
                byKind.computeIfAbsent((String) row[2], k -> new ArrayList<>()).add(lastId);
            }
            for (Map.Entry<String, List<UUID>> kind : byKind.entrySet()) {
                List<UUID> ids = kind.getValue();
                switch (kind.getKey()) {
                    case "Prison" -> readIn(connection, "prison", "id", ids);
                    case "Source" -> readIn(connection, "source", "id", ids);
                    case "Incident" -> readIn(connection, "incident", "id", ids);
                    case "ArmedInmateReport" -> readIn(connection, "armed_inmate_report", "id", ids);
                    case "Casualty" -> readIn(connection, "casualty", "id", ids);
                    default -> {
                    }
                }
            }
            rows += page.size();
            pages++;
            if (page.size() < 500) {
                reachedEnd = true;
                break;
            }
        }
        return new FeedScan(rows, pages, (System.nanoTime() - started) / 1e9, reachedEnd);
    }

    /** One half of a partner's feed page: (position, id, entity) of each row, every column read. */
    private static void half(Connection connection, String sql, UUID partner, long horizon, Long lastPosition,
            UUID lastId, List<Object[]> into) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, partner);
            select.setLong(2, horizon);
            if (lastId != null) {
                select.setLong(3, lastPosition);
                select.setLong(4, lastPosition);
                select.setObject(5, lastId);
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    readRow(rs);
                    into.add(new Object[] {rs.getLong("position"), rs.getObject("entity_id", UUID.class),
                        rs.getString("entity")});
                }
            }
        }
    }

    /** The databases order UUIDs by their bytes, unsigned. */
    private static int unsigned(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    private static void readIn(Connection connection, String table, String column, List<UUID> ids)
            throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement select = connection.prepareStatement("select * from " + table + " where " + column
                + " in (" + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")")) {
            for (int i = 0; i < ids.size(); i++) {
                select.setObject(i + 1, ids.get(i));
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    readRow(rs);
                }
            }
        }
    }

    private static void readRow(ResultSet rs) throws SQLException {
        int columns = rs.getMetaData().getColumnCount();
        for (int i = 1; i <= columns; i++) {
            rs.getObject(i);
        }
    }
}
