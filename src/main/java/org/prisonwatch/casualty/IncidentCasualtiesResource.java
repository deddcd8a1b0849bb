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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.prisonwatch.api.Page;
import org.prisonwatch.api.PageParams;
import org.prisonwatch.api.Responses;

/** HTTP in, HTTP out for /api/v1/incidents/{id}/casualties. It lives with casualties, so the incident package need not know them. */
@Path("/api/v1/incidents/{id}/casualties")
@Tag(name = "Incidents")
@Produces(MediaType.APPLICATION_JSON)
public class IncidentCasualtiesResource {

    @Inject
    CasualtyService service;

    @Context
    UriInfo uri;

    @GET
    @PermitAll
    @Operation(summary = "List the casualties of an incident",
            description = "The casualty list, filtered to this incident; takes that list's filters and sorts.")
    public RestResponse<Page<CasualtyResponse>> listIncidentCasualties(@PathParam("id") UUID id,
            @Valid @BeanParam CasualtyFilter filter, @Valid @BeanParam PageParams page) {
        return Responses.page(uri, service.listForIncident(id, filter, page));
    }
}
