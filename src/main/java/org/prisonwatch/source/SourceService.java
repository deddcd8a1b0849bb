package org.prisonwatch.source;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.prisonwatch.api.Page;
import org.prisonwatch.api.PageParams;
import org.prisonwatch.caserecord.RecordKind;
import org.prisonwatch.caserecord.RecordService;

/** Source records: the shared write rules plus the citations that may point at a source. */
@ApplicationScoped
public class SourceService extends RecordService<Source, SourceInput, SourceResponse> {

    @Inject
    SourceRepository sources;

    public SourceService() {
        super(new RecordKind<>(Source.class, SourceInput.class, "Source", Source::new,
                SourceMapper::apply, SourceMapper::toInput, SourceMapper::toView));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<SourceResponse> list(SourceFilter filter, PageParams page) {
        return sources.list(filter, page, callers.audience());
    }

    @Override
    protected void ensureUnreferenced(Source source) {
        refuseIfReferenced(
                referencing("incidents", "from Incident e join e.citations c where c.sourceId = :id", source.id),
                referencing("armed-inmate-reports",
                        "from ArmedInmateReport e join e.citations c where c.sourceId = :id", source.id),
                referencing("casualties", "from Casualty e join e.citations c where c.sourceId = :id", source.id));
    }
}
