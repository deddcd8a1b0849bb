package org.prisonwatch.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;
import org.prisonwatch.access.Callers;

/**
 * Records what the audit log must hold: writes are appended to the hash-chained log inside the transaction of the
 * write they record; reads of identifying data are written as pending rows, linked into the chain shortly after.
 */
@ApplicationScoped
public class AuditLog {

    private static final Set<AuditAction> READS = EnumSet.of(AuditAction.READ_PERSON, AuditAction.READ_CONTACT);
    /** A {@link PendingRead}, as Hibernate would insert it; the database numbers it in arrival order. */
    private static final String INSERT_PENDING_READ = "insert into audit_pending_read"
            + " (actor_key_id, action, entity, entity_id, record_version, occurred_at) values (?, ?, ?, ?, ?, ?)";

    @Inject
    EntityManager em;

    @Inject
    Callers callers;

    @Inject
    ChainAppender chain;

    /** Returns the entry's sequence number: its position in commit order among all audited writes. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long record(AuditAction action, String entity, UUID entityId, Integer version) {
        return chain.append(chain.lockHead(), callers.audience().keyId(), action, entity, entityId, version,
                Instant.now().truncatedTo(ChronoUnit.MILLIS)).seq;
    }

    /**
     * The mark of the latest change to who is pushed writes, read from the head this transaction has locked (so
     * with no statement of its own once {@link #record} has run): while it stays the same, so do the recipients.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public String pushRecipientsMark() {
        return chain.lockHead().pushRecipientsMark;
    }

    /**
     * For responses that carry identifying data, one row per record, keyed by id with the version shown. The rows
     * are pending: they do not take the chain's head lock, so a read never waits for writers (which hold that lock
     * until they commit); {@link PendingReadLinker} links them into the chain. A read has no transaction of its own,
     * so its rows get one, committed before the response goes out; a write's response joins the write's.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public void recordReads(AuditAction read, String entity, Map<UUID, Integer> versionsShown) {
        if (!READS.contains(read)) {
            throw new IllegalArgumentException(read + " is not a read of identifying data");
        }
        if (versionsShown.isEmpty()) {
            return;
        }
        UUID actor = callers.audience().keyId();
        OffsetDateTime now = Instant.now().truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC);
        // one batch, not one persist each: an identity key makes Hibernate insert every entity on its own, with a
        // round trip per row, and a page of 500 casualties shown to an analyst has 500 of them
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT_PENDING_READ)) {
                for (Map.Entry<UUID, Integer> shown : versionsShown.entrySet()) {
                    insert.setObject(1, actor);
                    insert.setString(2, read.name());
                    insert.setString(3, entity);
                    insert.setObject(4, shown.getKey());
                    insert.setObject(5, shown.getValue(), Types.INTEGER);
                    insert.setObject(6, now);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /**
     * The sequence number of the chain's committed head. Entries are numbered under the head's lock, held until
     * commit, so every entry up to it has committed: a reader that reads this first and then ignores positions
     * above it sees no gap, however its later statements interleave with writers.
     */
    public long committedSeq() {
        return em.createQuery("select h.seq from AuditHead h where h.id = :id", Long.class)
                .setParameter("id", AuditHead.ID).getSingleResult();
    }
}
