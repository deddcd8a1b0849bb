package org.prisonwatch.source;

import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The filters of GET /sources. */
public class SourceFilter {

    @QueryParam("q")
    @Size(max = 200)
    @Parameter(description = "Text in the source's name (case-insensitive)", example = "PPNM")
    public String q;

    @QueryParam("kind")
    @Parameter(description = "Only sources of this kind")
    public SourceKind kind;
}
