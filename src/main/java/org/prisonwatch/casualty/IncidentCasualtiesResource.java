package org.prisonwatch.casualty;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.prisonwatch.api.Page;
import org.prisonwatch.api.PageParams;
import org.prisonwatch.export.CsvExport;
import org.prisonwatch.export.Exports;
import org.prisonwatch.export.GeoJsonExport;

/** HTTP in, HTTP out for /api/v1/incidents/{id}/casualties. It lives with casualties, so the incident package need not know them. */
@Path("/api/v1/incidents/{id}/casualties")
@Tag(name = "Incidents")
@Produces(MediaType.APPLICATION_JSON)
public class IncidentCasualtiesResource {

    @Inject
    CasualtyService service;

    @Inject
    CasualtyCsv csv;

    @Inject
    Exports exports;

    @Context
    UriInfo uri;

    @GET
    @PermitAll
    @Produces({MediaType.APPLICATION_JSON, CsvExport.MEDIA_TYPE, GeoJsonExport.MEDIA_TYPE})
    @Operation(summary = "List the casualties of an incident",
            description = "The casualty list, filtered to this incident; takes its filters and sorts. Like it, it "
                    + "answers Accept: text/csv and application/geo+json with every casualty that matches as one file.")
    public RestResponse<Page<CasualtyResponse>> listIncidentCasualties(@PathParam("id") UUID id,
            @Valid @BeanParam CasualtyFilter filter, @Valid @BeanParam PageParams page,
            @Context HttpHeaders headers) {
        return exports.list(headers, uri, csv.exported(), params -> service.listForIncident(id, filter, params),
                page);
    }
}
