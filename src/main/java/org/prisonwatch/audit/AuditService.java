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

/** Reading the audit chain. */
@ApplicationScoped
public class AuditService {

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
}
