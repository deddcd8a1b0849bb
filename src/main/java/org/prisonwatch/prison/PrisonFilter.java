package org.prisonwatch.prison;

import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The filters of GET /prisons; all optional, combined with AND. */
public class PrisonFilter {

    @QueryParam("q")
    @Size(max = 200)
    @Parameter(description = "Text in the name, Burmese name or an alternate name (case-insensitive)",
            example = "Bhamo")
    public String q;

    @QueryParam("stateRegion")
    @Size(max = 100)
    @Parameter(description = "Exact state or region", example = "Kachin")
    public String stateRegion;

    @QueryParam("township")
    @Size(max = 100)
    @Parameter(description = "Exact township", example = "Myitkyina")
    public String township;

    @QueryParam("controlledBy")
    @Parameter(description = "Who controls the place")
    public PrisonControl controlledBy;

    @QueryParam("inConflictZone")
    @Parameter(description = "Only places in (true) or outside (false) a conflict zone")
    public Boolean inConflictZone;
}
