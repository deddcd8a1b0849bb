package org.prisonwatch.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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

    private static final String INSERT_CLAIM = "insert into idempotency_key (caller_key_id, idem_key, request_hash, "
            + "created_at, expires_at) values (?, ?, ?, ?, ?)";

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
     * is there to replay), rolls back or loses its connection (then this claim goes through). The claim is the
     * first thing a POST with a key does, before looking for an earlier attempt: a new key, the common case, costs
     * one statement (on PostgreSQL one round trip, its lock bound set and put back around it) and no lookup. A
     * replay's claim meets the stored row and, like a twin's, waits for a transaction that is changing it: the hourly
     * purge deleting it at its expiry, or an erasure rewriting its response (both short); past the claim wait it is
     * told 409, and a retry is answered.
     *
     * @throws ClaimContended when the key could not be claimed; the transaction must roll back
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void claim(IdempotencyRecordId id, String requestHash) {
        OffsetDateTime now = Instant.now().truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC);
        OffsetDateTime expires = now.plus(RETENTION);
        // on the connection itself: the row is never an entity of this session, so no flush can insert it again
        String state = session().doReturningWork(connection -> {
            try {
                return postgresql() ? claimOnPostgresql(connection, id, requestHash, now, expires)
                        : claimOnH2(connection, id, requestHash, now, expires);
            } catch (SQLException e) {
                if (UNIQUE_VIOLATION.equals(e.getSQLState()) || LOCK_TIMEOUT.contains(e.getSQLState())) {
                    return e.getSQLState();
                }
                throw e;
            }
        });
        if (state != null) {
            throw new ClaimContended(LOCK_TIMEOUT.contains(state), null);
        }
    }

    /**
     * Bound, insert and unbound in one round trip. A twin's committed row makes the insert do nothing; a failed
     * statement ends the transaction's use, so the bound is put back by the rollback that follows.
     */
    private String claimOnPostgresql(Connection connection, IdempotencyRecordId id, String requestHash,
            OffsetDateTime now, OffsetDateTime expires) throws SQLException {
        try (PreparedStatement claim = connection.prepareStatement("set local lock_timeout = " + claimWait.toMillis()
                + "; " + INSERT_CLAIM + " on conflict do nothing; set local lock_timeout to default")) {
            bindClaim(claim, id, requestHash, now, expires);
            claim.execute();
            // the results in order: the first bound, then the insert's count
            claim.getMoreResults();
            return claim.getUpdateCount() == 1 ? null : UNIQUE_VIOLATION;
        }
    }

    /** H2's lock timeout belongs to the session, not the transaction, so it is put back whatever happens. */
    private String claimOnH2(Connection connection, IdempotencyRecordId id, String requestHash,
            OffsetDateTime now, OffsetDateTime expires) throws SQLException {
        try (Statement bound = connection.createStatement()) {
            bound.execute("set lock_timeout " + claimWait.toMillis());
            try (PreparedStatement claim = connection.prepareStatement(INSERT_CLAIM)) {
                bindClaim(claim, id, requestHash, now, expires);
                claim.executeUpdate();
                return null;
            } finally {
                bound.execute("set lock_timeout " + EmbeddedDatabaseConfigSource.LOCK_TIMEOUT_MILLIS);
            }
        }
    }

    private static void bindClaim(PreparedStatement claim, IdempotencyRecordId id, String requestHash,
            OffsetDateTime now, OffsetDateTime expires) throws SQLException {
        claim.setObject(1, id.callerKeyId());
        claim.setString(2, id.key());
        claim.setString(3, requestHash);
        claim.setObject(4, now);
        claim.setObject(5, expires);
    }

    private boolean postgresql() {
        return "postgresql".equals(databaseKind);
    }

    private Session session() {
        return em.unwrap(Session.class);
    }

    /** Stores the response into the claim, in the transaction of the write. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void complete(IdempotencyRecordId id, int status, String body, String location, String etag) {
        int stored = session().doReturningWork(connection -> {
            try (PreparedStatement complete = connection.prepareStatement("update idempotency_key set status = ?, "
                    + "response_body = ?, location = ?, etag = ? where caller_key_id = ? and idem_key = ? "
                    + "and status is null")) {
                complete.setInt(1, status);
                complete.setString(2, body);
                complete.setString(3, location);
                complete.setString(4, etag);
                complete.setObject(5, id.callerKeyId());
                complete.setString(6, id.key());
                return complete.executeUpdate();
            }
        });
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
