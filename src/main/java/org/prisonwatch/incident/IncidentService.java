package org.prisonwatch.incident;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.prisonwatch.api.Page;
import org.prisonwatch.api.PageParams;
import org.prisonwatch.audit.AuditedEntity;
import org.prisonwatch.caserecord.RecordKind;
import org.prisonwatch.collection.RecordService;
import org.prisonwatch.prison.PrisonRepository;
import org.prisonwatch.source.SourceRepository;

/** Incident records: the shared write rules, their references to a prison and sources, and what points at them. */
@ApplicationScoped
public class IncidentService extends RecordService<Incident, IncidentInput, IncidentView> {

    @Inject
    IncidentRepository incidents;

    @Inject
    PrisonRepository prisons;

    @Inject
    SourceRepository sources;

    public IncidentService() {
        super(new RecordKind<>(Incident.class, IncidentInput.class, AuditedEntity.INCIDENT, "Incident",
                Incident::new, IncidentMapper::apply, IncidentMapper::toInput, IncidentMapper::toView, IncidentMapper.HIDDEN));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<IncidentView> list(IncidentFilter filter, PageParams page) {
        return show(incidents.list(filter, page, callers.audience()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<IncidentView> listAtPrison(UUID prisonId, IncidentFilter filter, PageParams page) {
        prisons.requireLive(prisonId);
        filter.prisonId = prisonId;
        return show(incidents.list(filter, page, callers.audience()));
    }

    @Override
    protected void apply(IncidentInput input, Incident incident) {
        if (input.prisonId() != null) {
            prisons.requireReferenced(input.prisonId(), "prisonId");
        }
        sources.requireCited(input.citations(), callers.audience());
        super.apply(input, incident);
    }

    @Override
    protected void ensureUnreferenced(Incident incident) {
        refuseIfReferenced(
                referencing("casualties", "from Casualty e where e.incidentId = :id", incident.id),
                referencing("armed-inmate-reports", "from ArmedInmateReport e where e.incidentId = :id", incident.id));
    }
}
