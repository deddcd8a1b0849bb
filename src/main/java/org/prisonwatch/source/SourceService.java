package org.prisonwatch.source;

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

/** Source records: the shared write rules plus the citations that may point at a source. */
@ApplicationScoped
public class SourceService extends RecordService<Source, SourceInput, SourceResponse> {

    @Inject
    SourceRepository sources;

    @Inject
    RecordErasure erasure;

    public SourceService() {
        super(new RecordKind<>(Source.class, SourceInput.class, AuditedEntity.SOURCE, "Source",
                Source::new, SourceMapper::apply, SourceMapper::toInput, SourceMapper::toView));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<SourceResponse> list(SourceFilter filter, PageParams page) {
        return show(sources.list(filter, page, callers.audience()));
    }

    /** Erases the source's contact from the record, its history and stored responses; returns the new version. */
    public int eraseContact(UUID id, String ifMatch) {
        return erasure.erase(kind, IdentifyingField.CONTACT, id, ifMatch);
    }

    @Override
    protected void ensureUnreferenced(Source source) {
        refuseIfReferenced(
                referencing("incidents", "from Incident e join e.citationRows c where c.sourceId = :id", source.id),
                referencing("armed-inmate-reports",
                        "from ArmedInmateReport e join e.citationRows c where c.sourceId = :id", source.id),
                referencing("casualties", "from Casualty e join e.citationRows c where c.sourceId = :id", source.id));
    }
}
