package org.prisonwatch.idempotency;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Deletes Idempotency-Key records past their 30 days. Every instance runs it; the delete is idempotent, so
 * instances that overlap only repeat each other's work.
 */
@ApplicationScoped
public class IdempotencyPurge {

    private static final Logger LOG = Logger.getLogger(IdempotencyPurge.class);

    @Inject
    IdempotencyRecords records;

    @Scheduled(identity = "idempotency-purge", every = "${prisonwatch.idempotency.purge-every}",
            delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeExpired() {
        int purged = records.purgeExpired(Instant.now());
        if (purged > 0) {
            LOG.infof("Purged %d expired Idempotency-Key records", purged);
        }
    }
}
