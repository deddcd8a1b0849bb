package org.prisonwatch.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Walks the audit chain from entry 1 to the head: each entry must follow its predecessor and carry the hash its
 * content gives it, plain SHA-256 before the keyed-hashing mark and HMAC-SHA256 from the mark on.
 */
@ApplicationScoped
public class AuditChainVerifier {

    private static final int BATCH = 1000;
    static final String GENESIS = "0".repeat(64);

    @Inject
    EntityManager em;

    @Inject
    EntryHashes hashes;

    /**
     * The head is read first and the walk stops there: writers that commit meanwhile append after it, and are not
     * mistaken for entries without a head. {@code watchSeq} names an entry whose stored hash the caller wants.
     */
    @Transactional
    ChainWalk walk(Long watchSeq) {
        Object[] head = head();
        long headSeq = (Long) head[0];
        String headHash = (String) head[1];
        String expectedPrevious = GENESIS;
        long expectedSeq = 1;
        long checked = 0;
        Long keyedFrom = null;
        String watched = null;
        while (expectedSeq <= headSeq) {
            List<AuditEntry> batch = em.createQuery("select e from AuditEntry e where e.seq >= :from and e.seq <= :to "
                    + "order by e.seq", AuditEntry.class).setParameter("from", expectedSeq).setParameter("to", headSeq)
                    .setMaxResults(BATCH).getResultList();
            if (batch.isEmpty()) {
                break;
            }
            for (AuditEntry entry : batch) {
                if (keyedFrom == null && entry.action == AuditAction.CHAIN_KEYED) {
                    keyedFrom = entry.seq;
                }
                String expectedHash = keyedFrom != null ? hashes.keyed(entry) : EntryHashes.plain(entry);
                String problem = entry.seq != expectedSeq ? "entry " + expectedSeq + " is missing"
                        : !entry.previousHash.equals(expectedPrevious) ? "does not link to the entry before it"
                        : !entry.hash.equals(expectedHash) ? "content does not match its hash" : null;
                if (problem != null) {
                    return new ChainWalk(headSeq, checked, keyedFrom, expectedSeq, problem, watched);
                }
                checked++;
                if (watchSeq != null && entry.seq.longValue() == watchSeq) {
                    watched = entry.hash;
                }
                expectedPrevious = entry.hash;
                expectedSeq++;
            }
            em.clear();
        }
        if (expectedSeq <= headSeq) {
            return new ChainWalk(headSeq, checked, keyedFrom, expectedSeq, "entry " + expectedSeq + " is missing",
                    watched);
        }
        if (!headHash.equals(expectedPrevious)) {
            return new ChainWalk(headSeq, checked, keyedFrom, headSeq, "the chain's head row does not match entry "
                    + headSeq, watched);
        }
        if (orphansBeyond(headSeq)) {
            return new ChainWalk(headSeq, checked, keyedFrom, headSeq + 1, "entries follow the recorded head "
                    + "(the head row was moved back)", watched);
        }
        return new ChainWalk(headSeq, checked, keyedFrom, null, null, watched);
    }

    /** The head's position and hash, read from the database rather than the persistence context. */
    private Object[] head() {
        return em.createQuery("select h.seq, h.hash from AuditHead h where h.id = :id", Object[].class)
                .setParameter("id", AuditHead.ID).getSingleResult();
    }

    /**
     * An entry past the head is legitimate only if it committed after the head was read, and then the head (moved in
     * the same transaction) has moved past it too: so look for the entry first and read the head again after.
     */
    private boolean orphansBeyond(long headSeq) {
        Long next = em.createQuery("select min(e.seq) from AuditEntry e where e.seq > :head", Long.class)
                .setParameter("head", headSeq).getSingleResult();
        return next != null && (Long) head()[0] < next;
    }
}
