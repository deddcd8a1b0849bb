package org.prisonwatch.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.prisonwatch.access.Confidentiality;
import org.prisonwatch.api.Filter;
import org.prisonwatch.api.Keyset;
import org.prisonwatch.api.Slice;
import org.prisonwatch.api.StoredJson;
import org.prisonwatch.audit.AuditAction;
import org.prisonwatch.audit.AuditLog;
import org.prisonwatch.caserecord.ProtectedEntity;
import org.prisonwatch.caserecord.RecordKind;
import org.prisonwatch.caserecord.VersionedEntity;
import org.prisonwatch.gate.HeldRecords;

/**
 * The one place a write is recorded. In the write's own transaction it appends the audit entry, stores the
 * version's snapshot and moves the record to the end of the change feed, and has this instance forget what it
 * held of the record as the write ends; whatever must follow every write (push delivery, say) attaches here, and
 * no write path records itself.
 */
@ApplicationScoped
public class WriteJournal {

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @Inject
    AuditLog audit;

    @Inject
    HeldRecords held;

    @Inject
    @All
    List<WriteFollower> followers;

    /** Records a write that has been flushed: the entity holds its new version. */
    @Transactional(Transactional.TxType.MANDATORY)
    public <E extends VersionedEntity> void recorded(AuditAction action, RecordKind<E, ?, ?> kind, E entity) {
        long seq = audit.record(action, kind.storedName(), entity.id, entity.version);
        held.forgetWhenDone(entity.id, seq);
        boolean created = action == AuditAction.CREATE;
        SeenBefore before = moveToEndOfFeed(kind.storedName(), entity, seq, created);
        RecordVersion version = new RecordVersion();
        version.entity = kind.storedName();
        version.entityId = entity.id;
        version.version = entity.version;
        version.recordedAt = entity.updatedAt;
        version.deleted = entity.isDeleted();
        version.snapshot = json(kind.toInput().apply(entity));
        em.persist(version);
        JournalledWrite<E> write = new JournalledWrite<>(kind, entity, seq, created, before.wasPublic(),
                before.wasShared());
        followers.forEach(follower -> follower.followed(write));
    }

    /** A page of a record's stored versions, oldest first; deleted ones left out. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Slice<RecordVersion> versions(Keyset<RecordVersion> keyset, String storedName, UUID id, String cursor,
            int limit) {
        return keyset.slice(em, new Filter().always("e.entity = :entity and e.entityId = :id and e.deleted = false")
                .bind("entity", storedName).bind("id", id), null, "cursor", cursor, limit);
    }

    /**
     * Removes a field from every stored version of a record, for an erasure. The snapshots are copies of the
     * record's values, not links of the audit chain, so rewriting them breaks nothing that proves integrity.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int eraseFromVersions(String storedName, UUID id, String field) {
        int changed = 0;
        for (RecordVersion version : em.createQuery("select v from RecordVersion v where v.entity = :entity "
                + "and v.entityId = :id", RecordVersion.class)
                .setParameter("entity", storedName).setParameter("id", id).getResultList()) {
            String erased = StoredJson.withoutField(mapper, version.snapshot, field);
            if (erased != null) {
                version.snapshot = erased;
                changed++;
            }
        }
        return changed;
    }

    /**
     * The record's row in the change feed moves to this write's audit sequence number, taken under the lock every
     * writer holds until commit: that lock is what makes the feed's order the commit order.
     */
    private SeenBefore moveToEndOfFeed(String storedName, VersionedEntity record, long seq, boolean created) {
        // a record created just now has no row yet: no need to ask the database
        RecordChange found = created ? null : em.find(RecordChange.class, record.id);
        RecordChange change = found == null ? new RecordChange() : found;
        if (found == null) {
            change.publicSeq = seq;
            change.sharedSeq = seq;
        }
        change.entityId = record.id;
        change.entity = storedName;
        change.seq = seq;
        // reference data (prisons) has no confidentiality: everyone may read it
        Confidentiality level = Confidentiality.PUBLIC;
        if (record instanceof ProtectedEntity protectedRecord) {
            change.submittedBy = protectedRecord.submittedBy;
            level = protectedRecord.confidentiality;
        }
        boolean publicNow = !record.isDeleted() && level == Confidentiality.PUBLIC;
        boolean sharedNow = !record.isDeleted() && level != Confidentiality.CONFIDENTIAL;
        change.everPublic |= publicNow;
        change.everShared |= sharedNow;
        // a write those callers may see moves the record for them, and so does the one that hides it from them
        // (they hear its DELETE); writes to a record already hidden from them leave it where it is
        if (publicNow || change.lastPublic) {
            change.publicSeq = seq;
        }
        if (sharedNow || change.lastShared) {
            change.sharedSeq = seq;
        }
        SeenBefore before = new SeenBefore(change.lastPublic, change.lastShared);
        change.lastPublic = publicNow;
        change.lastShared = sharedNow;
        if (found == null) {
            em.persist(change);
        }
        return before;
    }

    /** Whether anonymous callers and partners could see the record before this write. */
    private record SeenBefore(boolean wasPublic, boolean wasShared) {
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a record could not be written as JSON", e);
        }
    }

}
