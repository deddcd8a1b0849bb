package org.prisonwatch.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/**
 * The one way entries join the chain (besides the keyed-hashing mark itself): under the head row's lock, after the
 * mark, hashed with the key. Writes append through {@link AuditLog}, reads through {@link PendingReadLinker}.
 */
@ApplicationScoped
class ChainAppender {

    @Inject
    EntityManager em;

    @Inject
    EntryHashes hashes;

    @Inject
    KeyedHashingMark mark;

    /**
     * The chain's head, locked until the transaction ends: every appender, on every instance, takes it first, so
     * the chain is appended to by one transaction at a time and its order is commit order.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    AuditHead lockHead() {
        return em.find(AuditHead.class, AuditHead.ID, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Appends an entry after {@code head}, which the caller has locked, and moves the head to it. */
    @Transactional(Transactional.TxType.MANDATORY)
    AuditEntry append(AuditHead head, UUID actorKeyId, AuditAction action, String entity, UUID entityId,
            Integer version, Instant occurredAt) {
        // whichever append comes first after an upgrade, the mark precedes the first keyed entry
        mark.ensurePlaced(head);
        AuditEntry entry = AuditEntry.following(head, actorKeyId, action, entity, entityId, version, occurredAt);
        entry.hash = hashes.keyed(entry);
        em.persist(entry);
        head.advanceTo(entry);
        return entry;
    }
}
