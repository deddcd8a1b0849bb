package org.prisonwatch.webhook;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Deletes deliveries finished (delivered, failed or cancelled) longer ago than keep-deliveries, with their attempts:
 * each holds a copy of a record as it was sent, which the service keeps no longer than the log needs. Pending ones
 * are never purged. Every instance runs it; the delete is idempotent.
 */
@ApplicationScoped
public class DeliveryPurge {

    private static final Logger LOG = Logger.getLogger(DeliveryPurge.class);

    @Inject
    EntityManager em;

    @ConfigProperty(name = "prisonwatch.webhooks.keep-deliveries")
    Duration keep;

    @Scheduled(identity = "webhook-delivery-purge", every = "1h", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void purgeFinished() {
        Instant before = Instant.now().minus(keep);
        em.createQuery("delete from Attempt a where a.deliveryId in (select d.id from Delivery d "
                + "where d.status <> :pending and d.finishedAt < :before)")
                .setParameter("pending", DeliveryStatus.PENDING).setParameter("before", before).executeUpdate();
        int purged = em.createQuery("delete from Delivery d where d.status <> :pending and d.finishedAt < :before")
                .setParameter("pending", DeliveryStatus.PENDING).setParameter("before", before).executeUpdate();
        if (purged > 0) {
            LOG.infof("Purged %d webhook deliveries finished before %s", purged, before);
        }
    }
}
