package org.prisonwatch.security;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.prisonwatch.storage.ServiceRunning;

/**
 * Each key's last use (api_key.last_used_at), noted in memory on the request path and written in the background,
 * to the minute: a row is written only when its stored value is a minute or more older, so a busy key costs one
 * write a minute per instance and an ordinary request none. Memory holds one entry per key used since the last
 * flush, and only keys that authenticated. Nothing is written at shutdown (the embedded database may already be
 * closing): uses in the last flush interval before a stop are not recorded.
 */
@ApplicationScoped
public class KeyUses {

    private static final Logger LOG = Logger.getLogger(KeyUses.class);
    private static final Duration RESOLUTION = Duration.ofMinutes(1);

    @Inject
    ServiceRunning running;

    @Inject
    AgroalDataSource dataSource;

    private final Map<UUID, Instant> unwritten = new ConcurrentHashMap<>();

    void used(UUID key, Instant at) {
        unwritten.merge(key, at, (a, b) -> a.isAfter(b) ? a : b);
    }

    @Scheduled(identity = "key-last-used-flush", every = "${prisonwatch.key-cache.last-used-flush-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void flushOnSchedule() {
        if (running.now()) {
            flush();
        }
    }

    /** Public so that tests can flush at a moment of their choosing; one flush at a time. */
    public synchronized void flush() {
        if (unwritten.isEmpty()) {
            return;
        }
        List<Map.Entry<UUID, Instant>> taken = new ArrayList<>();
        for (UUID key : List.copyOf(unwritten.keySet())) {
            Instant at = unwritten.remove(key);
            if (at != null) {
                taken.add(Map.entry(key, at));
            }
        }
        taken.sort(Map.Entry.comparingByKey());
        try {
            QuarkusTransaction.requiringNew().call(() -> write(taken));
        } catch (RuntimeException e) {
            taken.forEach(use -> used(use.getKey(), use.getValue()));
            LOG.warnf(e, "Could not record the last use of %d keys; kept for the next flush", taken.size());
        }
    }

    /** Never moves a value back: another instance may have written a later use. */
    private int write(List<Map.Entry<UUID, Instant>> uses) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement("update api_key set last_used_at = ? "
                        + "where id = ? and (last_used_at is null or last_used_at <= ?)")) {
            for (Map.Entry<UUID, Instant> use : uses) {
                update.setObject(1, use.getValue().atOffset(ZoneOffset.UTC));
                update.setObject(2, use.getKey());
                update.setObject(3, use.getValue().minus(RESOLUTION).atOffset(ZoneOffset.UTC));
                update.addBatch();
            }
            return update.executeBatch().length;
        }
    }
}
