package org.prisonwatch.journal;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.prisonwatch.gate.HeldRecords;
import org.prisonwatch.storage.ServiceRunning;

/**
 * Follows the change feed for this instance, so that what it holds in memory of records written through other
 * instances is forgotten within a bound ({@link HeldRecords}). Each record's feed row carries the audit sequence
 * number of its latest write, and sequence numbers are taken under the audit chain's lock held until commit, so
 * the rows after the last one seen are every write committed since, whichever instance made it.
 *
 * <p>It reads with plain JDBC, in autocommit, one index range of (seq, entity_id) per catch-up: no transaction,
 * no entity, nothing a request waits on.
 */
@ApplicationScoped
public class FeedFollower {

    private static final Logger LOG = Logger.getLogger(FeedFollower.class);
    private static final int ROWS_PER_READ = 5000;

    @Inject
    ServiceRunning running;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    HeldRecords held;

    /** The seq of the last feed row seen, and the feed's epoch then; -1 while it has lost track. */
    private long position = -1;
    private String epoch;

    private boolean failing;

    void onStart(@Observes StartupEvent event) {
        catchUp();
    }

    @Scheduled(identity = "read-cache-catch-up", every = "${prisonwatch.read-cache.catch-up-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void catchUpOnSchedule() {
        if (running.now()) {
            catchUp();
        }
    }

    /** Public so that tests can catch up at a moment of their choosing; one catch-up at a time. */
    public synchronized void catchUp() {
        if (!held.enabled()) {
            return;
        }
        long startedAt = System.nanoTime();
        List<HeldRecords.Write> written = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            End end = end(connection);
            // the feed went back (a restore, a failover to a replica behind) or begins anew: what changed is unknown
            if (position < 0 || end.seq() < position || !end.epoch().equals(epoch)) {
                held.lostTrack();
                position = end.seq();
                epoch = end.epoch();
            } else if (end.seq() > position && !readAfter(connection, position, held.maxRecords(), written)) {
                // too far behind to be worth reading row by row
                held.lostTrack();
                written.clear();
                position = end.seq();
            } else if (!written.isEmpty()) {
                position = written.get(written.size() - 1).seq();
            }
        } catch (SQLException e) {
            if (!failing) {
                LOG.warnf("Cannot follow the change feed (%s); GET by id reads every record until it can", e);
            }
            failing = true;
            return;
        }
        if (failing) {
            LOG.info("Following the change feed again");
            failing = false;
        }
        held.caughtUp(startedAt, written, position);
    }

    /** For tests, which play a feed that went back by moving the position past its end. */
    public synchronized void movePositionTo(long seq) {
        position = seq;
    }

    private record End(long seq, String epoch) {
    }

    private static End end(Connection connection) throws SQLException {
        try (PreparedStatement end = connection.prepareStatement("select (select max(seq) from record_change), "
                + "(select epoch from feed_epoch where id = 1)");
                ResultSet row = end.executeQuery()) {
            row.next();
            return new End(row.getLong(1), String.valueOf(row.getString(2)));
        }
    }

    /**
     * Adds the rows after {@code after} to {@code written}, in feed order; false, having stopped, when there are
     * more than {@code most}.
     */
    private static boolean readAfter(Connection connection, long after, int most, List<HeldRecords.Write> written)
            throws SQLException {
        try (PreparedStatement rows = connection.prepareStatement(
                "select seq, entity_id from record_change where seq > ? order by seq")) {
            rows.setMaxRows(ROWS_PER_READ);
            long last = after;
            int read;
            do {
                rows.setLong(1, last);
                read = 0;
                try (ResultSet row = rows.executeQuery()) {
                    while (row.next()) {
                        last = row.getLong(1);
                        written.add(new HeldRecords.Write(row.getObject(2, UUID.class), last));
                        read++;
                    }
                }
                if (written.size() > most) {
                    return false;
                }
            } while (read == ROWS_PER_READ);
            return true;
        }
    }
}
