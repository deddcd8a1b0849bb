package org.prisonwatch.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.prisonwatch.storage.ServiceRunning;

/**
 * Moves pending reads of identifying data into the audit chain: in batches, each a transaction that holds the chain's
 * head lock, appends the rows in arrival order as ordinary entries (actor, record, version and time of the read) and
 * deletes them. The head lock serialises it with writers and with the linkers of other instances, so each row is
 * linked exactly once. It runs on a schedule, at start (what an instance that died left pending), and before
 * anything reads the chain, so that the log an administrator sees or verifies has no gap.
 */
@ApplicationScoped
public class PendingReadLinker {

    private static final Logger LOG = Logger.getLogger(PendingReadLinker.class);

    static final String SCHEDULE = "audit-read-linker";

    /** Held by a scheduled run from its start to its end, so that pausing the schedule can wait for it. */
    private final Object scheduledRun = new Object();

    @Inject
    ServiceRunning running;

    @Inject
    Scheduler scheduler;

    @Inject
    EntityManager em;

    @Inject
    ChainAppender chain;

    @ConfigProperty(name = "prisonwatch.audit.link-batch")
    int batchSize;

    void onStart(@Observes StartupEvent event) {
        if (batchSize < 1) {
            throw new IllegalStateException("PRISONWATCH_AUDIT_LINK_BATCH must be at least 1, not " + batchSize);
        }
        int linked = linkPending();
        if (linked > 0) {
            LOG.infof("Linked %d reads of identifying data left pending into the audit chain", linked);
        }
    }

    /** First one interval after start: at start, {@link #onStart} links what was pending, in the start-up sequence. */
    @Scheduled(identity = SCHEDULE, every = "${prisonwatch.audit.link-every}",
            delayed = "${prisonwatch.audit.link-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void linkOnSchedule() {
        if (!running.now()) {
            return;
        }
        // a run the scheduler triggered just before a pause may reach here after it: it does nothing then
        synchronized (scheduledRun) {
            if (!scheduler.isPaused(SCHEDULE)) {
                linkPending();
            }
        }
    }

    /** Returns once no scheduled run is under way; after {@code scheduler.pause(SCHEDULE)}, none starts either. */
    void awaitScheduledRun() {
        synchronized (scheduledRun) {
            LOG.trace("no scheduled link run under way");
        }
    }

    /**
     * Links every read that was pending when called and returns how many it linked. Reads that arrive meanwhile are
     * left to the next call, so a steady stream of reads cannot keep it going. Nothing pending, no lock taken: the
     * schedule costs writers nothing while no one reads identifying data.
     */
    public int linkPending() {
        return linkPending(batchSize);
    }

    /** {@link #linkPending()} with a batch size of the caller's. */
    int linkPending(int batchSize) {
        Long last = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select max(p.id) from PendingRead p", Long.class).getSingleResult());
        if (last == null) {
            return 0;
        }
        int linked = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> linkBatch(last, batchSize));
            linked += batch;
        } while (batch == batchSize);
        return linked;
    }

    /** One transaction: the oldest pending reads up to {@code last}, linked and deleted. */
    private int linkBatch(long last, int batchSize) {
        // the lock first: rows another linker moved while this one waited are gone by the time it reads them
        AuditHead head = chain.lockHead();
        List<PendingRead> rows = em.createQuery("select p from PendingRead p where p.id <= :last order by p.id",
                PendingRead.class).setParameter("last", last).setMaxResults(batchSize).getResultList();
        for (PendingRead row : rows) {
            chain.append(head, row.actorKeyId, row.action, row.entity, row.entityId, row.recordVersion,
                    row.occurredAt);
            em.remove(row);
        }
        return rows.size();
    }
}
