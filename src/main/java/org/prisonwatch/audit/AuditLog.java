package org.prisonwatch.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
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

    @Inject
    EntryHashes hashes;

    @Inject
    KeyedHashingMark mark;

    /** Returns the entry's sequence number: its position in commit order among all audited writes. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long record(AuditAction action, String entity, UUID entityId, Integer version) {
        AuditHead head = em.find(AuditHead.class, AuditHead.ID, LockModeType.PESSIMISTIC_WRITE);
        // whichever write comes first after an upgrade, the mark precedes the first keyed entry
        mark.ensurePlaced(head);
        AuditEntry entry = AuditEntry.following(head, callers.audience().keyId(), action, entity, entityId, version);
        entry.hash = hashes.keyed(entry);
        em.persist(entry);
        head.advanceTo(entry);
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
