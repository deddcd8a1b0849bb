package org.prisonwatch.casualty;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.prisonwatch.access.Audience;
import org.prisonwatch.api.Filter;
import org.prisonwatch.api.Keyset;
import org.prisonwatch.api.PageQuery;
import org.prisonwatch.api.PageParams;
import org.prisonwatch.api.SortKey;

/** Queries over casualties. */
@ApplicationScoped
public class CasualtyRepository implements PanacheRepositoryBase<Casualty, UUID> {

    static final Keyset<Casualty> KEYSET = new Keyset<>(Casualty.class,
            new SortKey<>("updatedAt", "updatedAt", c -> c.updatedAt, java.time.Instant::parse));

    PageQuery<Casualty> list(CasualtyFilter f, PageParams page, Audience audience) {
        Filter filter = audience.restrict(new Filter()).always("e.deletedAt is null")
                .when(f.outcome, "outcome", "e.outcome = :outcome")
                .when(f.group, "group", "e.group = :group")
                .when(f.from, "from", "e.occurredOn >= :from")
                .when(f.to, "to", "e.occurredOn <= :to");
        if (f.incidentId != null || f.prisonId != null) {
            // the filter goes through the incident, so it sees only incidents the caller may see: a PUBLIC
            // casualty must not tell where its CONFIDENTIAL incident happened
            Filter incident = audience.restrict(new Filter(), "i")
                    .when(f.incidentId, "incidentId", "i.id = :incidentId")
                    .when(f.prisonId, "prisonId", "i.prisonId = :prisonId");
            filter.always("e.incidentId in (select i.id from Incident i where " + incident.where() + ")");
            incident.parameters().forEach(filter::bind);
        }
        return KEYSET.query(getEntityManager(), filter, page);
    }
}
