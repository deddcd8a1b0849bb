package org.prisonwatch.prison;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.prisonwatch.api.Page;
import org.prisonwatch.api.PageParams;
import org.prisonwatch.caserecord.RecordService;

/** Prison records: the shared write rules plus what may point at a prison. */
@ApplicationScoped
public class PrisonService extends RecordService<Prison, PrisonInput, PrisonView> {

    @Inject
    PrisonRepository prisons;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<PrisonView> list(PrisonFilter filter, PageParams page) {
        return prisons.list(filter, page);
    }

    @Override
    protected void ensureUnreferenced(Prison prison) {
        refuseIfReferenced(
                referencing("incidents", "from Incident e where e.prisonId = :id", prison.id),
                referencing("armed-inmate-reports", "from ArmedInmateReport e where e.prisonId = :id", prison.id));
    }

    @Override
    protected Class<Prison> entityType() {
        return Prison.class;
    }

    @Override
    protected Class<PrisonInput> inputType() {
        return PrisonInput.class;
    }

    @Override
    protected String label() {
        return "Prison";
    }

    @Override
    protected Prison newEntity() {
        return new Prison();
    }

    @Override
    protected void apply(PrisonInput input, Prison prison) {
        PrisonMapper.apply(input, prison);
    }

    @Override
    protected PrisonInput toInput(Prison prison) {
        return PrisonMapper.toInput(prison);
    }

    @Override
    protected PrisonView toView(Prison prison) {
        return PrisonMapper.toView(prison);
    }
}
