package org.prisonwatch.stats;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.EnumMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.prisonwatch.casualty.CasualtyGroup;
import org.prisonwatch.casualty.CasualtyOutcome;
import org.prisonwatch.incident.IncidentType;

/** GET /api/v1/stats/...: counts summed by group, computed in the database over what the caller may see. */
@Path(StatsResource.PATH)
@Tag(name = "Statistics")
@Produces(MediaType.APPLICATION_JSON)
public class StatsResource {

    public static final String PATH = "/api/v1/stats";

    private static final String PROTECTION = " For anonymous and partner callers the figures are protected: groups "
            + "resting on fewer than k records (5 unless configured) are withheld (suppressed: true, no numbers), and "
            + "so are the groups that would give one away by subtraction; one grouping dimension at a time, filters "
            + "on that dimension only, dates in whole months or years.";

    @Inject
    StatsService stats;

    @GET
    @PermitAll
    @Path("casualties")
    @Operation(summary = "Casualties summed by group", description = "The sums of the casualty counts' min, best and "
            + "max by group, with how many counts lacked each bound and how many records each group rests on. A "
            + "casualty counts when the caller may see it and its incident; it is dated by occurredOn, else by its "
            + "incident's occurredFrom." + PROTECTION)
    public Statistics casualtyStatistics(@Valid @BeanParam StatsParams params,
            @QueryParam("type") @Parameter(description = "Only casualties of incidents of this type. Anonymous and "
                    + "partner callers: only with groupBy=type") IncidentType type,
            @QueryParam("outcome") @Parameter(description = "Only this outcome. Anonymous and partner callers: only "
                    + "with groupBy=outcome") CasualtyOutcome outcome,
            @QueryParam("group") @Parameter(description = "Only this group of people (side). Anonymous and partner "
                    + "callers: only with groupBy=group") CasualtyGroup group) {
        Map<Dimension, Object> own = new EnumMap<>(Dimension.class);
        put(own, Dimension.TYPE, type);
        put(own, Dimension.OUTCOME, outcome);
        put(own, Dimension.GROUP, group);
        return stats.compute(Subject.CASUALTIES, params, own);
    }

    @GET
    @PermitAll
    @Path("armed-inmates")
    @Operation(summary = "Armed inmates summed by group", description = "The sums of the armed-inmate reports' "
            + "inmatesArmed counts by group. A report is dated by periodFrom, else by reportedOn. Reports that "
            + "overlap (two sources on the same arming) are all counted: filter by verificationStatus or "
            + "verifiedOnly for corroborated figures." + PROTECTION)
    public Statistics armedInmateStatistics(@Valid @BeanParam StatsParams params) {
        return stats.compute(Subject.ARMED_INMATES, params, Map.of());
    }

    @GET
    @PermitAll
    @Path("incidents")
    @Operation(summary = "Incidents summed by group", description = "How many incidents each group has, with the "
            + "sums of their peopleAffected counts. An incident is dated by occurredFrom, its earliest possible "
            + "date." + PROTECTION)
    public Statistics incidentStatistics(@Valid @BeanParam StatsParams params,
            @QueryParam("type") @Parameter(description = "Only incidents of this type. Anonymous and partner "
                    + "callers: only with groupBy=type") IncidentType type) {
        Map<Dimension, Object> own = new EnumMap<>(Dimension.class);
        put(own, Dimension.TYPE, type);
        return stats.compute(Subject.INCIDENTS, params, own);
    }

    private static void put(Map<Dimension, Object> own, Dimension dimension, Object value) {
        if (value != null) {
            own.put(dimension, value);
        }
    }
}
