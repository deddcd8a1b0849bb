package org.prisonwatch.source;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.prisonwatch.access.Audience;
import org.prisonwatch.api.Filter;
import org.prisonwatch.api.Keyset;
import org.prisonwatch.api.PageQuery;
import org.prisonwatch.api.PageParams;
import org.prisonwatch.api.ProblemException;
import org.prisonwatch.api.SortKey;
import org.prisonwatch.caserecord.Citation;
import org.prisonwatch.caserecord.References;

/** Queries over sources. */
@ApplicationScoped
public class SourceRepository implements PanacheRepositoryBase<Source, UUID> {

    static final Keyset<Source> KEYSET = new Keyset<>(Source.class,
            new SortKey<>("name", "name", s -> s.name, s -> s),
            new SortKey<>("updatedAt", "updatedAt", s -> s.updatedAt, java.time.Instant::parse));

    PageQuery<Source> list(SourceFilter f, PageParams page, Audience audience) {
        Filter filter = audience.restrict(new Filter()).always("e.deletedAt is null")
                .contains(f.q, "e.searchText")
                .when(f.kind, "kind", "e.kind = :kind");
        return KEYSET.query(getEntityManager(), filter, page);
    }

    /** Refuses a write that cites a source that is not live or that the writer may not see (References). */
    public void requireCited(List<Citation> citations, Audience audience) {
        Set<UUID> cited = citations.stream().map(Citation::sourceId).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Set<UUID> dead = References.missingFor(getEntityManager(), Source.class, cited, audience);
        for (int i = 0; i < citations.size(); i++) {
            if (dead.contains(citations.get(i).sourceId())) {
                throw ProblemException.invalidField("citations[" + i + "].sourceId", "no source with this id");
            }
        }
    }
}
