package org.prisonwatch.casualty;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.prisonwatch.api.Page;
import org.prisonwatch.api.PageParams;
import org.prisonwatch.caserecord.RecordKind;
import org.prisonwatch.caserecord.RecordService;
import org.prisonwatch.incident.IncidentRepository;
import org.prisonwatch.source.SourceRepository;

/** Casualty records: the shared write rules and their references to an incident and sources. */
@ApplicationScoped
public class CasualtyService extends RecordService<Casualty, CasualtyInput, CasualtyResponse> {

    @Inject
    CasualtyRepository casualties;

    @Inject
    IncidentRepository incidents;

    @Inject
    SourceRepository sources;

    public CasualtyService() {
        super(new RecordKind<>(Casualty.class, CasualtyInput.class, "Casualty", Casualty::new,
                CasualtyMapper::apply, CasualtyMapper::toInput, CasualtyMapper::toView));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<CasualtyResponse> list(CasualtyFilter filter, PageParams page) {
        return auditPersonReads(casualties.list(filter, page, callers.audience()));
    }

    @Override
    public CasualtyResponse get(UUID id) {
        CasualtyResponse casualty = super.get(id);
        auditPersonRead(casualty);
        return casualty;
    }

    @Override
    public Page<CasualtyResponse> history(UUID id, PageParams page) {
        return auditPersonReads(super.history(id, page));
    }

    /** Every response that carries an identified person leaves a trace in the audit log. */
    private Page<CasualtyResponse> auditPersonReads(Page<CasualtyResponse> page) {
        page.items().forEach(this::auditPersonRead);
        return page;
    }

    private void auditPersonRead(CasualtyResponse casualty) {
        if (casualty instanceof CasualtyView view && view.person() != null) {
            audit.recordRead(Casualty.class.getSimpleName(), view.id(), view.version());
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<CasualtyResponse> listForIncident(UUID incidentId, CasualtyFilter filter, PageParams page) {
        incidents.requireLive(incidentId, callers.audience());
        filter.incidentId = incidentId;
        return auditPersonReads(casualties.list(filter, page, callers.audience()));
    }

    @Override
    protected void apply(CasualtyInput input, Casualty casualty) {
        incidents.requireReferenced(input.incidentId(), "incidentId", callers.audience());
        sources.requireCited(input.citations(), callers.audience());
        super.apply(input, casualty);
    }
}
