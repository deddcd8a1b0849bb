package org.prisonwatch.armedinmate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.prisonwatch.api.Page;
import org.prisonwatch.api.PageParams;
import org.prisonwatch.audit.AuditedEntity;
import org.prisonwatch.caserecord.RecordKind;
import org.prisonwatch.collection.RecordService;
import org.prisonwatch.incident.IncidentRepository;
import org.prisonwatch.prison.PrisonRepository;
import org.prisonwatch.source.SourceRepository;

/** Armed-inmate reports: the shared write rules and their references to a prison, an incident and sources. */
@ApplicationScoped
public class ArmedInmateReportService
        extends RecordService<ArmedInmateReport, ArmedInmateReportInput, ArmedInmateReportView> {

    @Inject
    ArmedInmateReportRepository reports;

    @Inject
    PrisonRepository prisons;

    @Inject
    IncidentRepository incidents;

    @Inject
    SourceRepository sources;

    public ArmedInmateReportService() {
        super(new RecordKind<>(ArmedInmateReport.class, ArmedInmateReportInput.class, AuditedEntity.ARMED_INMATE_REPORT, "Armed-inmate report",
                ArmedInmateReport::new, ArmedInmateReportMapper::apply, ArmedInmateReportMapper::toInput, ArmedInmateReportMapper::toView));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ArmedInmateReportView> list(ArmedInmateReportFilter filter, PageParams page) {
        return show(reports.list(filter, page, callers.audience()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ArmedInmateReportView> listAtPrison(UUID prisonId, ArmedInmateReportFilter filter,
            PageParams page) {
        prisons.requireLive(prisonId);
        filter.prisonId = prisonId;
        return show(reports.list(filter, page, callers.audience()));
    }

    @Override
    protected void apply(ArmedInmateReportInput input, ArmedInmateReport report) {
        prisons.requireReferenced(input.prisonId(), "prisonId");
        if (input.incidentId() != null) {
            incidents.requireReferenced(input.incidentId(), "incidentId", callers.audience());
        }
        sources.requireCited(input.citations(), callers.audience());
        super.apply(input, report);
    }
}
