package org.prisonwatch.security;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.prisonwatch.storage.ServiceRunning;

/**
 * Shares this instance's request counts with the others through the rate_limit_window table: each sync adds the
 * hits counted here since the last one to the callers' rows and reads the rows of the current window back, so
 * that what the other instances counted weighs in this instance's next decisions. One transaction per sync,
 * whatever the number of requests; none at all when nobody called.
 */
@ApplicationScoped
public class RateLimitSync {

    private static final Logger LOG = Logger.getLogger(RateLimitSync.class);
    private static final int ATTEMPTS = 3;
    private static final int CALLERS_PER_READ = 500;
    private static final Comparator<Sent> LOCK_ORDER = Comparator.<Sent>comparingLong(s -> s.window().minute)
            .thenComparing(s -> s.window().caller);

    @Inject
    ServiceRunning running;

    @Inject
    RateLimiter limiter;

    @Inject
    AgroalDataSource dataSource;

    private record Sent(CallerWindow window, int hits) {
    }

    @Scheduled(identity = "rate-limit-sync", every = "${prisonwatch.rate-limit.sync-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void syncOnSchedule() {
        if (running.now()) {
            sync();
        }
    }

    /** Public so that tests can sync at a moment of their choosing; one sync at a time. */
    public synchronized void sync() {
        long currentMinute = Instant.now().getEpochSecond() / 60;
        List<CallerWindow> windows = limiter.forSync(currentMinute);
        if (windows.isEmpty()) {
            return;
        }
        List<Sent> sent = new ArrayList<>();
        List<CallerWindow> current = new ArrayList<>();
        for (CallerWindow window : windows) {
            int hits = window.takeUnsynced();
            if (hits > 0) {
                sent.add(new Sent(window, hits));
            }
            if (window.minute == currentMinute) {
                current.add(window);
            }
        }
        // every instance updates rows in the same order, so two syncs never wait on each other in a cycle
        sent.sort(LOCK_ORDER);
        Map<String, Integer> totals = exchange(sent, current, currentMinute);
        if (totals == null) {
            sent.forEach(s -> s.window().unsent(s.hits()));
            return;
        }
        Map<CallerWindow, Integer> sentBy = new HashMap<>();
        sent.forEach(s -> sentBy.put(s.window(), s.hits()));
        for (CallerWindow window : current) {
            window.synced(sentBy.getOrDefault(window, 0), totals.get(window.caller));
        }
    }

    /**
     * Past windows are never read again. One purge for every caller keeps the sync to update-else-insert and also
     * catches callers who never come back.
     */
    @Scheduled(identity = "rate-limit-purge", every = "1h", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeOldWindows() {
        if (!running.now()) {
            return;
        }
        OffsetDateTime hourAgo = Instant.now().minus(1, ChronoUnit.HOURS).atOffset(ZoneOffset.UTC);
        QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement delete = connection.prepareStatement(
                            "delete from rate_limit_window where window_start < ?")) {
                delete.setObject(1, hourAgo);
                return delete.executeUpdate();
            }
        });
    }

    /** Writes, then reads the current window's totals; null when the database would not take the hits. */
    private Map<String, Integer> exchange(List<Sent> sent, List<CallerWindow> current, long currentMinute) {
        for (int attempt = 1; ; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> {
                    try (Connection connection = dataSource.getConnection()) {
                        add(connection, sent);
                        return totals(connection, current, currentMinute);
                    }
                });
            } catch (RuntimeException e) {
                // two instances inserting a caller's first row at once, or a deadlock: the loser tries again
                if (attempt < ATTEMPTS && isConflict(e)) {
                    continue;
                }
                LOG.warnf(e, "Rate limit sync failed; %d callers' hits kept for the next one", sent.size());
                return null;
            }
        }
    }

    /** Update, else insert: portable SQL rather than a vendor upsert, so it runs on H2 and PostgreSQL alike. */
    private static void add(Connection connection, List<Sent> sent) throws SQLException {
        if (sent.isEmpty()) {
            return;
        }
        List<Sent> missing = new ArrayList<>();
        try (PreparedStatement update = connection.prepareStatement(
                "update rate_limit_window set hits = hits + ? where caller = ? and window_start = ?")) {
            for (Sent s : sent) {
                update.setInt(1, s.hits());
                update.setString(2, s.window().caller);
                update.setObject(3, windowStart(s.window().minute));
                update.addBatch();
            }
            int[] updated = update.executeBatch();
            for (int i = 0; i < updated.length; i++) {
                if (updated[i] == 0) {
                    missing.add(sent.get(i));
                }
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into rate_limit_window (caller, window_start, hits) values (?, ?, ?)")) {
            for (Sent s : missing) {
                insert.setString(1, s.window().caller);
                insert.setObject(2, windowStart(s.window().minute));
                insert.setInt(3, s.hits());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static Map<String, Integer> totals(Connection connection, List<CallerWindow> current, long minute)
            throws SQLException {
        Map<String, Integer> totals = new HashMap<>();
        for (int from = 0; from < current.size(); from += CALLERS_PER_READ) {
            List<CallerWindow> chunk = current.subList(from, Math.min(current.size(), from + CALLERS_PER_READ));
            String marks = String.join(",", Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement select = connection.prepareStatement("select caller, hits from rate_limit_window "
                    + "where window_start = ? and caller in (" + marks + ")")) {
                select.setObject(1, windowStart(minute));
                for (int i = 0; i < chunk.size(); i++) {
                    select.setString(i + 2, chunk.get(i).caller);
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        totals.put(rows.getString(1), rows.getInt(2));
                    }
                }
            }
        }
        return totals;
    }

    private static OffsetDateTime windowStart(long minute) {
        return Instant.ofEpochSecond(minute * 60).atOffset(ZoneOffset.UTC);
    }

    /** A duplicate key (class 23), a deadlock or serialization failure (class 40), or H2's lock timeout. */
    private static boolean isConflict(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    String state = next.getSQLState();
                    if (state != null && (state.startsWith("23") || state.startsWith("40")
                            || state.equals("HYT00"))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
