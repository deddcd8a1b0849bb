package org.prisonwatch.casualty;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.prisonwatch.api.Filter;
import org.prisonwatch.api.Keyset;
import org.prisonwatch.api.Page;
import org.prisonwatch.api.PageParams;
import org.prisonwatch.api.SortKey;
import org.prisonwatch.security.Audience;

/** Queries over casualties. */
@ApplicationScoped
public class CasualtyRepository implements PanacheRepositoryBase<Casualty, UUID> {

    static final Keyset<Casualty> KEYSET = new Keyset<>(Casualty.class,
            new SortKey<>("updatedAt", "updatedAt", c -> c.updatedAt, java.time.Instant::parse));

    Page<CasualtyResponse> list(CasualtyFilter f, PageParams page, Audience audience) {
        Filter filter = audience.restrict(new Filter()).always("e.deletedAt is null")
                .when(f.incidentId, "incidentId", "e.incidentId = :incidentId")
                .when(f.prisonId, "prisonId",
                        "e.incidentId in (select i.id from Incident i where i.prisonId = :prisonId)")
                .when(f.outcome, "outcome", "e.outcome = :outcome")
                .when(f.group, "group", "e.group = :group")
                .when(f.from, "from", "e.occurredOn >= :from")
                .when(f.to, "to", "e.occurredOn <= :to");
        return KEYSET.page(getEntityManager(), filter, page, e -> CasualtyMapper.toView(e, audience));
    }
}
