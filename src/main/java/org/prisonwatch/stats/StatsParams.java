package org.prisonwatch.stats;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.prisonwatch.caserecord.VerificationStatus;

/** The grouping and the filters every statistic takes; each collection's own filters are parameters of its own. */
public class StatsParams {

    @QueryParam("groupBy")
    @Size(max = 60)
    @Pattern(regexp = "^[A-Za-z]+(,[A-Za-z]+)?$", message = "is one dimension, or two separated by a comma")
    @Parameter(description = "What to group by: one dimension, or two separated by a comma (anonymous and partner "
            + "callers: at most one). prison, stateRegion, month, year, verificationStatus; type on incidents and "
            + "casualties; outcome and group on casualties. Without it, one row: the total.", example = "prison")
    public String groupBy;

    @QueryParam("from")
    @Parameter(description = "Only records dated on or after this day (YYYY-MM-DD). Anonymous and partner callers: "
            + "only with groupBy=month or year, and moved back to the start of its month or year",
            example = "2025-01-01")
    public LocalDate from;

    @QueryParam("to")
    @Parameter(description = "Only records dated on or before this day (YYYY-MM-DD). Anonymous and partner callers: "
            + "only with groupBy=month or year, and moved on to the end of its month or year",
            example = "2025-12-31")
    public LocalDate to;

    @QueryParam("verifiedOnly")
    @Parameter(description = "true: count only VERIFIED records. Anonymous and partner callers: only with "
            + "groupBy=verificationStatus")
    public Boolean verifiedOnly;

    @QueryParam("prisonId")
    @Parameter(description = "Only records at this prison. Anonymous and partner callers: only with groupBy=prison")
    public UUID prisonId;

    @QueryParam("stateRegion")
    @Size(max = 100)
    @Parameter(description = "Only records at prisons in this state or region. Anonymous and partner callers: only "
            + "with groupBy=stateRegion or prison", example = "Kachin")
    public String stateRegion;

    @QueryParam("verificationStatus")
    @Parameter(description = "Only records with this verification status. Anonymous and partner callers: only with "
            + "groupBy=verificationStatus")
    public VerificationStatus verificationStatus;
}
