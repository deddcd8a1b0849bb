package org.prisonwatch.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Counts requests per caller in fixed one-minute windows, in the database, in a transaction of its own.
 * Portable SQL (update, else insert) rather than a vendor upsert, so it runs on H2 and PostgreSQL alike.
 */
@ApplicationScoped
public class RateLimiter {

    @Inject
    EntityManager em;

    /** Counts this request; returns the caller's hits in the current window, including it. */
    public int hit(String caller, Instant now) {
        OffsetDateTime window = now.truncatedTo(ChronoUnit.MINUTES).atOffset(ZoneOffset.UTC);
        for (int attempt = 0; ; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> count(caller, window));
            } catch (PersistenceException e) {
                // two first hits of a window raced to insert its row: the loser counts again, now by update
                if (attempt >= 2) {
                    throw e;
                }
            }
        }
    }

    /**
     * Past windows are never read again. One purge for every caller, rather than each caller clearing its own,
     * keeps the per-request path to update-else-insert and also catches callers who never come back.
     */
    @Scheduled(identity = "rate-limit-purge", every = "1h", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeOldWindows() {
        OffsetDateTime hourAgo = Instant.now().minus(1, ChronoUnit.HOURS).atOffset(ZoneOffset.UTC);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "delete from rate_limit_window where window_start < ?1").setParameter(1, hourAgo).executeUpdate());
    }

    private int count(String caller, OffsetDateTime window) {
        int updated = em.createNativeQuery("update rate_limit_window set hits = hits + 1 "
                        + "where caller = ?1 and window_start = ?2")
                .setParameter(1, caller).setParameter(2, window).executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("insert into rate_limit_window (caller, window_start, hits) values (?1, ?2, 1)")
                    .setParameter(1, caller).setParameter(2, window).executeUpdate();
            em.flush();
            return 1;
        }
        return ((Number) em.createNativeQuery("select hits from rate_limit_window where caller = ?1 "
                        + "and window_start = ?2")
                .setParameter(1, caller).setParameter(2, window).getSingleResult()).intValue();
    }
}
