package org.prisonwatch.source;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.prisonwatch.api.Page;
import org.prisonwatch.api.PageParams;
import org.prisonwatch.caserecord.RecordService;

/** Source records: the shared write rules plus the citations that may point at a source. */
@ApplicationScoped
public class SourceService extends RecordService<Source, SourceInput, SourceView> {

    @Inject
    SourceRepository sources;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<SourceView> list(SourceFilter filter, PageParams page) {
        return sources.list(filter, page);
    }

    @Override
    protected void ensureUnreferenced(Source source) {
        refuseIfReferenced(
                referencing("incidents", "from Incident e join e.citations c where c.sourceId = :id", source.id),
                referencing("armed-inmate-reports",
                        "from ArmedInmateReport e join e.citations c where c.sourceId = :id", source.id),
                referencing("casualties", "from Casualty e join e.citations c where c.sourceId = :id", source.id));
    }

    @Override
    protected Class<Source> entityType() {
        return Source.class;
    }

    @Override
    protected Class<SourceInput> inputType() {
        return SourceInput.class;
    }

    @Override
    protected String label() {
        return "Source";
    }

    @Override
    protected Source newEntity() {
        return new Source();
    }

    @Override
    protected void apply(SourceInput input, Source source) {
        SourceMapper.apply(input, source);
    }

    @Override
    protected SourceInput toInput(Source source) {
        return SourceMapper.toInput(source);
    }

    @Override
    protected SourceView toView(Source source) {
        return SourceMapper.toView(source);
    }
}
