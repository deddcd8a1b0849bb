package org.prisonwatch.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import org.prisonwatch.api.Cursor;
import org.prisonwatch.api.Filter;
import org.prisonwatch.api.Page;
import org.prisonwatch.api.PageParams;
import org.prisonwatch.api.ProblemException;

/** Reading and verifying the audit chain. */
@ApplicationScoped
public class AuditService {

    private static final int VERIFY_BATCH = 1000;
    private static final String GENESIS = "0".repeat(64);

    @Inject
    EntityManager em;

    /** Keyset-paged in chain order; the cursor holds the last sequence number seen. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<AuditEntryView> list(AuditFilter f, PageParams page) {
        if (page.sort != null && !page.sort.equals("seq")) {
            throw ProblemException.invalidParameter("sort", "must be seq: the audit log is listed in chain order");
        }
        long after = 0;
        if (page.cursor != null) {
            Cursor cursor = Cursor.decode(page.cursor);
            try {
                after = Long.parseLong(cursor.value());
            } catch (NumberFormatException e) {
                throw ProblemException.invalidParameter("cursor", "is not a cursor this API issued");
            }
        }
        Filter filter = new Filter().always("e.seq > :after").bind("after", after)
                .when(f.entity, "entity", "e.entity = :entity")
                .when(f.entityId, "entityId", "e.entityId = :entityId")
                .when(f.actorKeyId, "actorKeyId", "e.actorKeyId = :actorKeyId")
                .when(f.action, "action", "e.action = :action");
        var query = em.createQuery("select e from AuditEntry e where " + filter.where() + " order by e.seq",
                AuditEntry.class);
        filter.parameters().forEach(query::setParameter);
        int limit = page.limitOrDefault();
        List<AuditEntry> rows = query.setMaxResults(limit + 1).getResultList();
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            AuditEntry last = rows.get(limit - 1);
            // audit entries are keyed by sequence number, not UUID: the cursor's id slot carries the same number
            next = new Cursor("seq", last.seq.toString(), new java.util.UUID(0, last.seq)).encode();
        }
        return new Page<>(rows.stream().map(AuditEntryView::of).toList(), next);
    }

    /** Walks the chain from the first entry: each must follow its predecessor and carry its own hash. */
    @Transactional
    public AuditVerification verify() {
        String expectedPrevious = GENESIS;
        long expectedSeq = 1;
        long checked = 0;
        while (true) {
            List<AuditEntry> batch = em.createQuery("select e from AuditEntry e where e.seq >= :from order by e.seq",
                    AuditEntry.class).setParameter("from", expectedSeq).setMaxResults(VERIFY_BATCH).getResultList();
            for (AuditEntry entry : batch) {
                checked++;
                String problem = entry.seq != expectedSeq ? "entry " + expectedSeq + " is missing"
                        : !entry.previousHash.equals(expectedPrevious) ? "does not link to the entry before it"
                        : !entry.hash.equals(entry.computeHash()) ? "content does not match its hash" : null;
                if (problem != null) {
                    return new AuditVerification(false, checked, expectedSeq, problem);
                }
                expectedPrevious = entry.hash;
                expectedSeq++;
            }
            em.clear();
            if (batch.size() < VERIFY_BATCH) {
                break;
            }
        }
        AuditHead head = em.find(AuditHead.class, AuditHead.ID);
        if (head.seq != expectedSeq - 1 || !head.hash.equals(expectedPrevious)) {
            return new AuditVerification(false, checked, expectedSeq, "the chain ends before its recorded head "
                    + "(entries removed from the end)");
        }
        return new AuditVerification(true, checked, null, null);
    }

}
