package org.prisonwatch.armedinmate;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.UUID;
import org.prisonwatch.access.Audience;
import org.prisonwatch.api.Filter;
import org.prisonwatch.api.Keyset;
import org.prisonwatch.api.PageQuery;
import org.prisonwatch.api.PageParams;
import org.prisonwatch.api.SortKey;

/** Queries over armed-inmate reports. */
@ApplicationScoped
public class ArmedInmateReportRepository implements PanacheRepositoryBase<ArmedInmateReport, UUID> {

    static final Keyset<ArmedInmateReport> KEYSET = new Keyset<>(ArmedInmateReport.class,
            new SortKey<>("reportedOn", "reportedOn", r -> r.reportedOn, LocalDate::parse),
            new SortKey<>("updatedAt", "updatedAt", r -> r.updatedAt, java.time.Instant::parse));

    PageQuery<ArmedInmateReport> list(ArmedInmateReportFilter f, PageParams page, Audience audience) {
        Filter filter = audience.restrict(new Filter()).always("e.deletedAt is null")
                .when(f.prisonId, "prisonId", "e.prisonId = :prisonId")
                .when(f.stateRegion, "stateRegion",
                        "e.prisonId in (select p.id from Prison p where p.stateRegion = :stateRegion)")
                .when(f.inducement, "inducement", ":inducement member of e.inducementRows")
                .when(f.role, "role", ":role member of e.roleRows")
                .when(f.usedInCombat, "usedInCombat", "e.usedInCombat = :usedInCombat")
                .when(f.from, "from", "e.effectiveTo >= :from")
                .when(f.to, "to", "e.effectiveFrom <= :to");
        return KEYSET.query(getEntityManager(), filter, page);
    }
}
