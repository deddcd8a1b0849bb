package org.prisonwatch.caserecord;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Moves a record to the end of the change feed, in the transaction of the write and under the audit head lock. */
@ApplicationScoped
public class RecordChanges {

    @Inject
    EntityManager em;

    /**
     * @param seq the audit sequence number of this write, taken under the lock every writer holds until commit:
     *            that lock is what makes the feed's order the commit order
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void moved(String entityName, VersionedEntity record, long seq) {
        RecordChange found = em.find(RecordChange.class, record.id);
        RecordChange change = found == null ? new RecordChange() : found;
        change.entityId = record.id;
        change.entity = entityName;
        change.seq = seq;
        if (record instanceof ProtectedEntity protectedRecord) {
            change.submittedBy = protectedRecord.submittedBy;
            change.everPublic |= protectedRecord.confidentiality == Confidentiality.PUBLIC;
            change.everShared |= protectedRecord.confidentiality != Confidentiality.CONFIDENTIAL;
        } else {
            change.everPublic = true;
            change.everShared = true;
        }
        if (found == null) {
            em.persist(change);
        }
    }
}
