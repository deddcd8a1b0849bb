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

/** Reading the audit chain. */
@ApplicationScoped
public class AuditService {

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
}
