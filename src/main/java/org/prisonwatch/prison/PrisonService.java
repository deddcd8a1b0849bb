package org.prisonwatch.prison;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.prisonwatch.api.Page;
import org.prisonwatch.api.PageParams;
import org.prisonwatch.audit.AuditedEntity;
import org.prisonwatch.caserecord.RecordKind;
import org.prisonwatch.collection.RecordService;

/** Prison records: the shared write rules plus what may point at a prison. */
@ApplicationScoped
public class PrisonService extends RecordService<Prison, PrisonInput, PrisonView> {

    @Inject
    PrisonRepository prisons;

    public PrisonService() {
        super(new RecordKind<>(Prison.class, PrisonInput.class, AuditedEntity.PRISON, "Prison",
                Prison::new, PrisonMapper::apply, PrisonMapper::toInput, PrisonMapper::toView));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<PrisonView> list(PrisonFilter filter, PageParams page) {
        return show(prisons.list(filter, page, callers.audience()));
    }

    @Override
    protected void ensureUnreferenced(Prison prison) {
        refuseIfReferenced(
                referencing("incidents", "from Incident e where e.prisonId = :id", prison.id),
                referencing("armed-inmate-reports", "from ArmedInmateReport e where e.prisonId = :id", prison.id));
    }
}
