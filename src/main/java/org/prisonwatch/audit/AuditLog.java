package org.prisonwatch.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.prisonwatch.access.Callers;

/** Appends to the hash-chained audit log, inside the transaction of the write it records. */
@ApplicationScoped
public class AuditLog {

    @Inject
    EntityManager em;

    @Inject
    Callers callers;

    /** Returns the entry's sequence number: its position in commit order among all audited writes. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long record(AuditAction action, String entity, UUID entityId, Integer version) {
        AuditHead head = em.find(AuditHead.class, AuditHead.ID, LockModeType.PESSIMISTIC_WRITE);
        AuditEntry entry = new AuditEntry();
        entry.seq = head.seq + 1;
        entry.actorKeyId = callers.audience().keyId();
        entry.action = action;
        entry.entity = entity;
        entry.entityId = entityId;
        entry.recordVersion = version;
        entry.occurredAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        entry.previousHash = head.hash;
        entry.hash = entry.computeHash();
        em.persist(entry);
        head.seq = entry.seq;
        head.hash = entry.hash;
        return entry.seq;
    }

    /**
     * For responses that carry identifying data, one entry per record, keyed by id with the version shown. A read
     * is not a transaction, so its trace gets one of its own; a write's response joins the write's, which already
     * holds the chain's head.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public void recordReads(AuditAction read, String entity, Map<UUID, Integer> versionsShown) {
        versionsShown.forEach((id, version) -> record(read, entity, id, version));
    }
}
