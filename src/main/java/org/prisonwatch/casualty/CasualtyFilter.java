package org.prisonwatch.casualty;

import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The filters of GET /casualties; all optional, combined with AND. */
public class CasualtyFilter {

    @QueryParam("incidentId")
    @Parameter(description = "Only casualties of this incident")
    public UUID incidentId;

    @QueryParam("prisonId")
    @Parameter(description = "Only casualties of incidents at this prison")
    public UUID prisonId;

    @QueryParam("outcome")
    @Parameter(description = "Only this outcome")
    public CasualtyOutcome outcome;

    @QueryParam("group")
    @Parameter(description = "Only this group of people")
    public CasualtyGroup group;

    @QueryParam("from")
    @Parameter(description = "Only casualties with occurredOn on or after this date", example = "2025-01-01")
    public LocalDate from;

    @QueryParam("to")
    @Parameter(description = "Only casualties with occurredOn on or before this date", example = "2025-12-31")
    public LocalDate to;
}
