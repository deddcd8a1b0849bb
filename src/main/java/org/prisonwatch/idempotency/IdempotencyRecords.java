package org.prisonwatch.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.prisonwatch.api.StoredJson;

/**
 * The idempotency table's operations. Claims and releases run in transactions of their own; completing a claim
 * runs in the transaction of the write it protects, so the write and its stored response commit or vanish together.
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

    /**
     * How long a claim holds off duplicates without completing. Longer than any write runs; an attempt still
     * running when its lease is taken over cannot complete (its token is gone), so its write rolls back.
     */
    static final Duration LEASE = Duration.ofMinutes(2);

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String databaseKind;

    /** The outcome of claiming a key. */
    public sealed interface Claim permits Claimed, Completed, Running, Mismatch {
    }

    /** This attempt holds the key and should perform the write. */
    public record Claimed(IdempotencyRecordId id, UUID token) implements Claim {
    }

    /** An earlier attempt finished: replay its response. */
    public record Completed(int status, String body, String location, String etag) implements Claim {
    }

    /** An earlier attempt with the same request is still running. */
    public record Running() implements Claim {
    }

    /** The key was first used with a different request. */
    public record Mismatch() implements Claim {
    }

    public Claim claim(IdempotencyRecordId id, String requestHash) {
        for (int attempt = 0; ; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> claimOnce(id, requestHash));
            } catch (PersistenceException | QuarkusTransactionException e) {
                // another attempt inserted the same key first; its row decides on the next pass
                if (attempt >= 2) {
                    return new Running();
                }
            }
        }
    }

    private Claim claimOnce(IdempotencyRecordId id, String requestHash) {
        commitWithoutWaitingForDisk();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        IdempotencyRecord found = em.find(IdempotencyRecord.class, id);
        if (found == null) {
            IdempotencyRecord record = new IdempotencyRecord();
            record.id = id;
            record.requestHash = requestHash;
            record.claimToken = UUID.randomUUID();
            record.lockedUntil = now.plus(LEASE);
            record.createdAt = now;
            record.expiresAt = now.plus(RETENTION);
            em.persist(record);
            em.flush();
            return new Claimed(id, record.claimToken);
        }
        if (!found.requestHash.equals(requestHash) && !ERASED.equals(found.requestHash)) {
            return new Mismatch();
        }
        if (found.isCompleted()) {
            return new Completed(found.status, found.responseBody, found.location, found.etag);
        }
        if (found.lockedUntil.isAfter(now)) {
            return new Running();
        }
        // the attempt holding the claim died with its instance; its write never committed
        UUID token = UUID.randomUUID();
        int taken = em.createQuery("update IdempotencyRecord r set r.claimToken = :token, r.lockedUntil = :until "
                        + "where r.id.callerKeyId = :caller and r.id.key = :key and r.claimToken = :old "
                        + "and r.status is null")
                .setParameter("token", token).setParameter("until", now.plus(LEASE))
                .setParameter("caller", id.callerKeyId()).setParameter("key", id.key())
                .setParameter("old", found.claimToken).executeUpdate();
        return taken == 1 ? new Claimed(id, token) : new Running();
    }

    /**
     * A claim need not reach the disk before the write it guards starts: PostgreSQL flushes its log in order, so
     * the write's own (synchronous) commit makes the claim durable too, and a crash that loses the claim has lost
     * the write with it, leaving nothing for a retry to find. So a POST waits for the disk once, not twice; what
     * is stored (records, responses, the audit chain) still commits synchronously.
     */
    private void commitWithoutWaitingForDisk() {
        if ("postgresql".equals(databaseKind)) {
            em.createNativeQuery("set local synchronous_commit to off").executeUpdate();
        }
    }

    /** Stores the response with the write; false when this attempt no longer holds the claim. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean complete(Claimed claim, int status, String body, String location, String etag) {
        return em.createQuery("update IdempotencyRecord r set r.status = :status, r.responseBody = :body, "
                        + "r.location = :location, r.etag = :etag where r.id.callerKeyId = :caller "
                        + "and r.id.key = :key and r.claimToken = :token and r.status is null")
                .setParameter("status", status).setParameter("body", body).setParameter("location", location)
                .setParameter("etag", etag).setParameter("caller", claim.id().callerKeyId())
                .setParameter("key", claim.id().key()).setParameter("token", claim.token()).executeUpdate() == 1;
    }

    /** After a failed attempt: nothing was written, so a retry may try again, with any body. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(Claimed claim) {
        em.createQuery("delete from IdempotencyRecord r where r.id.callerKeyId = :caller and r.id.key = :key "
                        + "and r.claimToken = :token and r.status is null")
                .setParameter("caller", claim.id().callerKeyId()).setParameter("key", claim.id().key())
                .setParameter("token", claim.token()).executeUpdate();
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
