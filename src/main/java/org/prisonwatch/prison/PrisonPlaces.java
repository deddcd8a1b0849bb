package org.prisonwatch.prison;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** Prisons' places by id, in one query for a page of records that point to them. Prisons are public records. */
@ApplicationScoped
public class PrisonPlaces {

    @Inject
    EntityManager em;

    public Map<UUID, PrisonPlace> of(Collection<UUID> ids) {
        Map<UUID, PrisonPlace> places = new HashMap<>();
        var wanted = ids.stream().filter(Objects::nonNull).distinct().toList();
        if (wanted.isEmpty()) {
            return places;
        }
        em.createQuery("select new org.prisonwatch.prison.PrisonPlace(p.id, p.name, p.stateRegion, p.township, "
                + "p.pcode, p.latitude, p.longitude) from Prison p where p.id in :ids and p.deletedAt is null",
                PrisonPlace.class).setParameter("ids", wanted).getResultList()
                .forEach(place -> places.put(place.id(), place));
        return places;
    }
}
