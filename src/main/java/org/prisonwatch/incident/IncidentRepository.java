package org.prisonwatch.incident;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
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

/** Queries over incidents. */
@ApplicationScoped
public class IncidentRepository implements PanacheRepositoryBase<Incident, UUID> {

    static final Keyset<Incident> KEYSET = new Keyset<>(Incident.class,
            new SortKey<>("occurredFrom", "occurredFrom", i -> i.occurredFrom, LocalDate::parse),
            new SortKey<>("updatedAt", "updatedAt", i -> i.updatedAt, java.time.Instant::parse));

    PageQuery<Incident> list(IncidentFilter f, PageParams page, Audience audience) {
        boolean within = f.dateMatch == DateMatch.within;
        Filter filter = audience.restrict(new Filter()).always("e.deletedAt is null")
                .contains(f.q, "e.searchText")
                .when(f.type, "type", "e.type = :type")
                .when(f.prisonId, "prisonId", "e.prisonId = :prisonId")
                .when(f.stateRegion, "stateRegion",
                        "e.prisonId in (select p.id from Prison p where p.stateRegion = :stateRegion)")
                .when(f.verificationStatus, "verificationStatus", "e.verificationStatus = :verificationStatus")
                .when(f.from, "from", within ? "e.occurredFrom >= :from" : "e.occurredTo >= :from")
                .when(f.to, "to", within ? "e.occurredTo <= :to" : "e.occurredFrom <= :to")
                .when(f.updatedSince, "updatedSince", "e.updatedAt >= :updatedSince");
        return KEYSET.query(getEntityManager(), filter, page);
    }

    /**
     * The prison of each of these incidents that the caller may see (absent: hidden, deleted or at no prison), in
     * one query: a casualty exported without its incident's place must not tell where a hidden incident was.
     */
    public java.util.Map<UUID, UUID> prisonsOfVisible(java.util.Collection<UUID> ids, Audience audience) {
        java.util.Map<UUID, UUID> prisons = new java.util.HashMap<>();
        var wanted = ids.stream().filter(java.util.Objects::nonNull).distinct().toList();
        if (wanted.isEmpty()) {
            return prisons;
        }
        Filter filter = audience.restrict(new Filter()).always("e.deletedAt is null").always("e.id in :ids")
                .always("e.prisonId is not null").bind("ids", wanted);
        var query = getEntityManager().createQuery("select e.id, e.prisonId from Incident e where " + filter.where(),
                Object[].class);
        filter.parameters().forEach(query::setParameter);
        query.getResultList().forEach(row -> prisons.put((UUID) row[0], (UUID) row[1]));
        return prisons;
    }

    /** Refuses a write that points to no live incident the writer may see, and share-locks it (References). */
    public void requireReferenced(UUID id, String field, Audience audience) {
        if (!References.missingFor(getEntityManager(), Incident.class, List.of(id), audience).isEmpty()) {
            throw ProblemException.invalidField(field, "no incident with this id");
        }
    }

    /** 404 unless the incident exists and is not deleted: for nested reads under /incidents/{id}. */
    public void requireLive(UUID id, Audience audience) {
        Incident incident = findById(id);
        if (incident == null || incident.isDeleted() || !incident.visibleTo(audience)) {
            throw ProblemException.notFound("Incident");
        }
    }
}
