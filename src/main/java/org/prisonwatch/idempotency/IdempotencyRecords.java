package org.prisonwatch.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.prisonwatch.api.StoredJson;
import org.prisonwatch.storage.EmbeddedDatabaseConfigSource;

/**
 * The idempotency table's operations. A key is claimed by inserting its row in the transaction of the write it
 * protects, and the response is stored into that row before the commit: the row, the write and the response commit
 * or vanish together. So a committed row always holds a response, and the claim of an attempt whose instance dies
 * is released by the database the moment the connection drops, with nothing for anyone to clean up.
 */
@ApplicationScoped
public class IdempotencyRecords {

    /**
     * What an erasure leaves in place of a request's fingerprint. The fingerprint is a hash of the request body,
     * so kept it would confirm a guessed name; after an erasure any body sent with the key gets the stored, erased
     * response, and none is told apart from another.
     */
    static final String ERASED = "erased";

    /** The contract promises at least 30 days: field devices stay offline for days. */
    static final Duration RETENTION = Duration.ofDays(30);

    /** Unique violation, in PostgreSQL and H2 alike: a twin committed the key first. */
    private static final String UNIQUE_VIOLATION = "23505";

    /** PostgreSQL's lock_not_available and H2's lock timeout: a twin still holds the key. */
    private static final Set<String> LOCK_TIMEOUT = Set.of("55P03", "HYT00");

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String databaseKind;

    /**
     * How long a duplicate waits for the attempt holding its key before it is told 409. A twin that finishes
     * within it is answered with the twin's response at once.
     */
    @ConfigProperty(name = "prisonwatch.idempotency.claim-wait")
    Duration claimWait;

    /** Zero would mean "wait for ever" to PostgreSQL, and H2 rounds below a millisecond to it. */
    void refuseAnUnboundedWait(@Observes StartupEvent event) {
        if (claimWait.toMillis() < 1) {
            throw new IllegalStateException("prisonwatch.idempotency.claim-wait (PRISONWATCH_IDEMPOTENCY_CLAIM_WAIT) "
                    + "must be at least 1ms, was " + claimWait);
        }
    }

    /** What an earlier attempt with the key left. */
    public sealed interface Earlier permits Completed, Mismatch {
    }

    /** An earlier attempt finished: replay its response. */
    public record Completed(int status, String body, String location, String etag) implements Earlier {
    }

    /** The key was first used with a different request. */
    public record Mismatch() implements Earlier {
    }

    /** The key could not be claimed: a twin holds it ({@code stillRunning}), or committed it just now. */
    public static final class ClaimContended extends RuntimeException {

        private final boolean stillRunning;

        ClaimContended(boolean stillRunning, Throwable cause) {
            super(stillRunning ? "a twin still holds the key" : "a twin committed the key first", cause, false, false);
            this.stillRunning = stillRunning;
        }

        public boolean stillRunning() {
            return stillRunning;
        }
    }

    /** The committed outcome of an earlier attempt, or null when no attempt has committed one. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Earlier find(IdempotencyRecordId id, String requestHash) {
        IdempotencyRecord found = em.find(IdempotencyRecord.class, id);
        if (found == null) {
            return null;
        }
        if (!found.requestHash.equals(requestHash) && !ERASED.equals(found.requestHash)) {
            return new Mismatch();
        }
        return new Completed(found.status, found.responseBody, found.location, found.etag);
    }

    /**
     * Claims the key for the current transaction. A twin's uncommitted claim makes this wait, at most the claim
     * wait: until the twin commits (then {@link ClaimContended} with {@code stillRunning} false, and its response
     * is there to replay), rolls back or loses its connection (then this claim goes through).
     *
     * @throws ClaimContended when the key could not be claimed; the transaction must roll back
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void claim(IdempotencyRecordId id, String requestHash) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        IdempotencyRecord record = new IdempotencyRecord();
        record.id = id;
        record.requestHash = requestHash;
        record.createdAt = now;
        record.expiresAt = now.plus(RETENTION);
        boundLockWaits(claimWait.toMillis());
        try {
            em.persist(record);
            em.flush();
        } catch (PersistenceException e) {
            String state = sqlState(e);
            if (UNIQUE_VIOLATION.equals(state) || LOCK_TIMEOUT.contains(state)) {
                throw new ClaimContended(LOCK_TIMEOUT.contains(state), e);
            }
            throw e;
        } finally {
            // H2's bound outlives the transaction, on a connection the pool hands to the next request; PostgreSQL's
            // ends with it, and after a failed statement its transaction takes no further command
            if (!postgresql()) {
                restoreLockWaits();
            }
        }
        if (postgresql()) {
            // the write that follows may wait for the audit chain's lock as long as any write does
            restoreLockWaits();
        }
        em.detach(record);
    }

    private boolean postgresql() {
        return "postgresql".equals(databaseKind);
    }

    private void restoreLockWaits() {
        boundLockWaits(-1);
    }

    /** Bounds how long a statement waits for a row lock; a negative wait restores the connection's own bound. */
    private void boundLockWaits(long millis) {
        String statement;
        if (postgresql()) {
            statement = millis < 0 ? "set local lock_timeout to default" : "set local lock_timeout = " + millis;
        } else {
            // H2's lock timeout belongs to the session, not the transaction, so it is put back explicitly
            statement = "set lock_timeout " + (millis < 0 ? EmbeddedDatabaseConfigSource.LOCK_TIMEOUT_MILLIS : millis);
        }
        // on the connection itself: a query through the session would flush it first, and after a failed claim
        // that flush would insert the failed row again
        em.unwrap(Session.class).doWork(connection -> {
            try (Statement bound = connection.createStatement()) {
                bound.execute(statement);
            }
        });
    }

    private static String sqlState(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    /** Stores the response into the claim, in the transaction of the write. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void complete(IdempotencyRecordId id, int status, String body, String location, String etag) {
        int stored = em.createQuery("update IdempotencyRecord r set r.status = :status, r.responseBody = :body, "
                        + "r.location = :location, r.etag = :etag where r.id.callerKeyId = :caller "
                        + "and r.id.key = :key and r.status is null")
                .setParameter("status", status).setParameter("body", body).setParameter("location", location)
                .setParameter("etag", etag).setParameter("caller", id.callerKeyId()).setParameter("key", id.key())
                .executeUpdate();
        if (stored != 1) {
            throw new IllegalStateException("the claim of this transaction's Idempotency-Key is gone");
        }
    }

    /**
     * Removes a field from every stored response that created this record (its Location names it), for an
     * erasure: a replay must never hand back what an administrator erased, and the request's fingerprint goes
     * too, so that no retry can confirm a guess of the value. Returns how many were changed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int eraseFromResponses(UUID recordId, String field) {
        int changed = 0;
        for (IdempotencyRecord record : em.createQuery("select r from IdempotencyRecord r where r.location like "
                        + ":location and r.responseBody is not null", IdempotencyRecord.class)
                .setParameter("location", "%/" + recordId).getResultList()) {
            String erased = StoredJson.withoutField(mapper, record.responseBody, field);
            if (erased != null) {
                record.responseBody = erased;
                changed++;
            }
            record.requestHash = ERASED;
        }
        return changed;
    }

    /** Deletes records past their retention; returns how many. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int purgeExpired(Instant now) {
        return em.createQuery("delete from IdempotencyRecord r where r.expiresAt < :now")
                .setParameter("now", now).executeUpdate();
    }
}
