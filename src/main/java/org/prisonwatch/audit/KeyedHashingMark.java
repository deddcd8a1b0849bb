package org.prisonwatch.audit;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.prisonwatch.secrets.ServiceSecrets;

/**
 * Where keyed hashing starts: a {@link AuditAction#CHAIN_KEYED} entry, itself keyed and chained, appended once per
 * database before any other keyed entry (at entry 1 in a new database). Because the mark is a keyed link, it cannot
 * be moved or forged without the HMAC key: changing its position breaks its own hash. Only deleting it and rehashing
 * the whole chain with plain SHA-256 remains, and that leaves a chain without a mark, which verification reports; a
 * signed checkpoint also carries the mark's position, so a chain re-marked after such a downgrade does not extend it.
 */
@ApplicationScoped
public class KeyedHashingMark {

    private static final Logger LOG = Logger.getLogger(KeyedHashingMark.class);
    static final String ENTITY = "AuditChain";

    @Inject
    EntityManager em;

    @Inject
    EntryHashes hashes;

    @Inject
    ServiceSecrets secrets;

    private volatile boolean placed;

    /** Marked at start, so a database that receives no write is keyed too and its checkpoints can name the mark. */
    @Transactional
    void onStart(@Observes StartupEvent event) {
        ensurePlaced(em.find(AuditHead.class, AuditHead.ID, LockModeType.PESSIMISTIC_WRITE));
    }

    /** With the head locked by the caller: appends the mark when the chain has none yet. */
    void ensurePlaced(AuditHead head) {
        if (placed) {
            return;
        }
        if (seq().isPresent()) {
            // remembered when found, not when appended here: if the transaction appending it rolls back, the next
            // writer must append it again
            placed = true;
        } else {
            AuditEntry mark = AuditEntry.following(head, null, AuditAction.CHAIN_KEYED, ENTITY, null, null);
            mark.hash = hashes.keyed(mark);
            em.persist(mark);
            head.advanceTo(mark);
            if (mark.seq == 1) {
                LOG.infof("Audit entries are hashed with the key in %s", secrets.file(EntryHashes.SECRET));
            } else {
                LOG.warnf("Audit entries from %d on are hashed with the key in %s; entries 1 to %d keep their plain "
                        + "SHA-256 hashes. This happens once per database: if this one was keyed before, its chain "
                        + "has been rewritten, so verify it against a checkpoint kept off this server", mark.seq,
                        secrets.file(EntryHashes.SECRET), mark.seq - 1);
            }
        }
    }

    /** The mark's position as the database has it now: the first CHAIN_KEYED entry. */
    Optional<Long> seq() {
        return Optional.ofNullable(em.createQuery("select min(e.seq) from AuditEntry e where e.action = :action",
                Long.class).setParameter("action", AuditAction.CHAIN_KEYED).getSingleResult());
    }
}
