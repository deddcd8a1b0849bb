package org.prisonwatch.prison;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.prisonwatch.access.Audience;
import org.prisonwatch.api.Filter;
import org.prisonwatch.api.Keyset;
import org.prisonwatch.api.PageQuery;
import org.prisonwatch.api.PageParams;
import org.prisonwatch.api.ProblemException;
import org.prisonwatch.api.SortKey;
import org.prisonwatch.caserecord.References;

/** Queries over prisons. */
@ApplicationScoped
public class PrisonRepository implements PanacheRepositoryBase<Prison, UUID> {

    static final Keyset<Prison> KEYSET = new Keyset<>(Prison.class,
            new SortKey<>("name", "name", p -> p.name, s -> s),
            new SortKey<>("updatedAt", "updatedAt", p -> p.updatedAt, java.time.Instant::parse));

    PageQuery<Prison> list(PrisonFilter f, PageParams page, Audience audience) {
        Filter filter = new Filter().always("e.deletedAt is null")
                .contains(f.q, "e.searchText")
                .when(f.stateRegion, "stateRegion", "e.stateRegion = :stateRegion")
                .when(f.township, "township", "e.township = :township")
                .when(f.controlledBy, "controlledBy", "e.controlledBy = :controlledBy")
                .when(f.inConflictZone, "inConflictZone", "e.inConflictZone = :inConflictZone");
        return KEYSET.query(getEntityManager(), filter, page);
    }

    /** Refuses a write that points to no live prison, and share-locks the prison until commit (References). */
    public void requireReferenced(UUID id, String field) {
        if (!References.missing(getEntityManager(), Prison.class, List.of(id)).isEmpty()) {
            throw ProblemException.invalidField(field, "no prison with this id");
        }
    }

    /** 404 unless the prison exists and is not deleted: for nested reads under /prisons/{id}. */
    public void requireLive(UUID id) {
        Prison prison = findById(id);
        if (prison == null || prison.isDeleted()) {
            throw ProblemException.notFound("Prison");
        }
    }
}
