package org.prisonwatch.casualty;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.prisonwatch.api.Page;
import org.prisonwatch.api.PageParams;
import org.prisonwatch.audit.AuditedEntity;
import org.prisonwatch.caserecord.RecordKind;
import org.prisonwatch.collection.RecordErasure;
import org.prisonwatch.collection.RecordService;
import org.prisonwatch.gate.IdentifyingField;
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

    @Inject
    RecordErasure erasure;

    public CasualtyService() {
        super(new RecordKind<>(Casualty.class, CasualtyInput.class, AuditedEntity.CASUALTY, "Casualty",
                Casualty::new, CasualtyMapper::apply, CasualtyMapper::toInput, CasualtyMapper::toView,
                CasualtyMapper.HIDDEN));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<CasualtyResponse> list(CasualtyFilter filter, PageParams page) {
        return show(casualties.list(filter, page, callers.audience()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<CasualtyResponse> listForIncident(UUID incidentId, CasualtyFilter filter, PageParams page) {
        incidents.requireLive(incidentId, callers.audience());
        filter.incidentId = incidentId;
        return show(casualties.list(filter, page, callers.audience()));
    }

    /** Erases the identified person from the record, its history and stored responses; returns the new version. */
    public int erasePerson(UUID id, String ifMatch) {
        return erasure.erase(kind, IdentifyingField.PERSON, id, ifMatch);
    }

    @Override
    protected void apply(CasualtyInput input, Casualty casualty) {
        incidents.requireReferenced(input.incidentId(), "incidentId", callers.audience());
        sources.requireCited(input.citations(), callers.audience());
        super.apply(input, casualty);
    }
}
