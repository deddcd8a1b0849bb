package org.prisonwatch.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import org.prisonwatch.api.Filter;
import org.prisonwatch.api.Keyset;
import org.prisonwatch.api.Page;
import org.prisonwatch.api.PageParams;
import org.prisonwatch.api.ProblemException;
import org.prisonwatch.api.SortKey;

/** Reading and verifying the audit chain. */
@ApplicationScoped
public class AuditService {

    private static final int VERIFY_BATCH = 1000;
    private static final String GENESIS = "0".repeat(64);
    private static final Keyset<AuditEntry> IN_CHAIN_ORDER = Keyset.byNumber(AuditEntry.class,
            SortKey.longNumber("seq", e -> e.seq));

    @Inject
    EntityManager em;

    /** Keyset-paged in chain order, through the same sealed cursors as every other list. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<AuditEntryView> list(AuditFilter f, PageParams page) {
        if (page.sort != null && !page.sort.equals("seq")) {
            throw ProblemException.invalidParameter("sort", "must be seq: the audit log is listed in chain order");
        }
        Filter filter = new Filter()
                .when(f.entity, "entity", "e.entity = :entity")
                .when(f.entityId, "entityId", "e.entityId = :entityId")
                .when(f.actorKeyId, "actorKeyId", "e.actorKeyId = :actorKeyId")
                .when(f.action, "action", "e.action = :action");
        return IN_CHAIN_ORDER.page(em, filter, page, AuditEntryView::of);
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
