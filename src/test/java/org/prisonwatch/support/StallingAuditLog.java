package org.prisonwatch.support;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.transaction.Transactional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.prisonwatch.audit.AuditAction;
import org.prisonwatch.audit.AuditLog;

/**
 * The application's audit log, with a gate tests can close on one record: a write to that record stops after it
 * has written the record's row and before it takes its place in commit order, as a slow writer would; or, closed
 * with {@link #holdChainOn}, just after it has appended its audit entry, so it holds the chain's head lock until it
 * is released. Open for every other record, so the rest of the suite runs through it unchanged.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class StallingAuditLog extends AuditLog {

    private static volatile Gate gate;

    /** A write to the record in flight: {@link #reached} opens when it stalls, it goes on after {@link #release()}. */
    public record Gate(UUID recordId, boolean holdingChain, CountDownLatch reached, CountDownLatch released) {

        public void awaitStalled() throws InterruptedException {
            if (!reached.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("the write never reached the gate");
            }
        }

        public void release() {
            gate = null;
            released.countDown();
        }

        void stall() {
            reached.countDown();
            try {
                if (!released.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("gate never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The next write to the record stalls before it takes the chain's lock. */
    public static Gate closeOn(UUID recordId) {
        gate = new Gate(recordId, false, new CountDownLatch(1), new CountDownLatch(1));
        return gate;
    }

    /** The next write to the record stalls holding the chain's lock, its entry appended and not yet committed. */
    public static Gate holdChainOn(UUID recordId) {
        gate = new Gate(recordId, true, new CountDownLatch(1), new CountDownLatch(1));
        return gate;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public long record(AuditAction action, String entity, UUID entityId, Integer version) {
        Gate current = gate;
        boolean closed = current != null && current.recordId().equals(entityId);
        if (closed && !current.holdingChain()) {
            current.stall();
        }
        long seq = super.record(action, entity, entityId, version);
        if (closed && current.holdingChain()) {
            current.stall();
        }
        return seq;
    }
}
