package org.prisonwatch.casualty;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.prisonwatch.api.Page;
import org.prisonwatch.api.PageParams;
import org.prisonwatch.caserecord.CurrentState;
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

    @Override
    public List<CurrentState<CasualtyResponse>> current(Collection<UUID> ids) {
        List<CurrentState<CasualtyResponse>> states = super.current(ids);
        auditPersonReads(states.stream().map(CurrentState::view).filter(Objects::nonNull).toList());
        return states;
    }

    /** Every response that carries an identified person leaves a trace in the audit log. */
    private Page<CasualtyResponse> auditPersonReads(Page<CasualtyResponse> page) {
        auditPersonReads(page.items());
        return page;
    }

    private void auditPersonRead(CasualtyResponse casualty) {
        auditPersonReads(List.of(casualty));
    }

    private void auditPersonReads(Collection<CasualtyResponse> shown) {
        Map<UUID, Integer> withPerson = new LinkedHashMap<>();
        for (CasualtyResponse casualty : shown) {
            if (casualty instanceof CasualtyView view && view.person() != null) {
                withPerson.put(view.id(), view.version());
            }
        }
        if (!withPerson.isEmpty()) {
            audit.recordReads(Casualty.class.getSimpleName(), withPerson);
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
