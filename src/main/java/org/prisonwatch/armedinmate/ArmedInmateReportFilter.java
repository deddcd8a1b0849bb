package org.prisonwatch.armedinmate;

import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The filters of GET /armed-inmate-reports; all optional, combined with AND. */
public class ArmedInmateReportFilter {

    @QueryParam("prisonId")
    @Parameter(description = "Only reports about this prison")
    public UUID prisonId;

    @QueryParam("stateRegion")
    @Size(max = 100)
    @Parameter(description = "Only reports about prisons in this state or region", example = "Kachin")
    public String stateRegion;

    @QueryParam("inducement")
    @Parameter(description = "Only reports that name this inducement")
    public Inducement inducement;

    @QueryParam("role")
    @Parameter(description = "Only reports that name this role")
    public InmateRole role;

    @QueryParam("usedInCombat")
    @Parameter(description = "Only reports that say armed inmates were (true) or were not (false) used in combat")
    public Boolean usedInCombat;

    @QueryParam("from")
    @Parameter(description = "Reports whose period (or report date, when no period is given) overlaps from..to",
            example = "2025-01-01")
    public LocalDate from;

    @QueryParam("to")
    @Parameter(description = "End of the date range (inclusive)", example = "2025-12-31")
    public LocalDate to;
}
