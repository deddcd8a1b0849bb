package org.prisonwatch.prison;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.prisonwatch.access.Role;
import org.prisonwatch.api.MergePatch;
import org.prisonwatch.api.Page;
import org.prisonwatch.api.PageParams;
import org.prisonwatch.api.Responses;
import org.prisonwatch.export.CsvExport;
import org.prisonwatch.export.Exports;
import org.prisonwatch.export.GeoJsonExport;
import org.prisonwatch.idempotency.IdempotencyKeyHeader;
import org.prisonwatch.idempotency.IdempotentPosts;

/** HTTP in, HTTP out for /api/v1/prisons. */
@Path(PrisonResource.PATH)
@Tag(name = "Prisons", description = "Places of detention")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PrisonResource {

    public static final String PATH = "/api/v1/prisons";

    @Inject
    PrisonService service;

    @Inject
    IdempotentPosts idempotent;

    @Context
    UriInfo uri;

    @Inject
    Exports exports;

    @GET
    @PermitAll
    @Produces({MediaType.APPLICATION_JSON, CsvExport.MEDIA_TYPE, GeoJsonExport.MEDIA_TYPE})
    @Operation(summary = "List prisons", description = "Keyset-paged; sort keys: id (default, creation order), "
            + "name, updatedAt. With Accept: text/csv, every prison that matches, from the cursor on, as one CSV file "
            + "with an HXL hashtag row; with Accept: application/geo+json, as a GeoJSON FeatureCollection of those "
            + "with coordinates. limit does not apply to either.")
    public RestResponse<Page<PrisonView>> listPrisons(@Valid @BeanParam PrisonFilter filter,
            @Valid @BeanParam PageParams page, @Context HttpHeaders headers) {
        return exports.list(headers, uri, PrisonCsv.EXPORTED, params -> service.list(filter, params), page);
    }

    @POST
    @RolesAllowed({Role.Names.ANALYST, Role.Names.ADMIN})
    @Operation(summary = "Record a prison", description = "Returns the stored prison with its Location and ETag.")
    public RestResponse<PrisonView> createPrison(@BeanParam IdempotencyKeyHeader idempotencyKey,
            @NotNull @Valid PrisonInput body) {
        return idempotent.post(idempotencyKey, PATH, body, () -> Responses.created(uri, PATH, service.create(body)));
    }

    @GET
    @PermitAll
    @Path("{id}")
    @Operation(summary = "Read a prison",
            description = "Returns the record with its ETag; 404 when it does not exist or was deleted.")
    public RestResponse<PrisonView> getPrison(@PathParam("id") UUID id) {
        return Responses.ok(service.get(id));
    }

    @PUT
    @RolesAllowed({Role.Names.ANALYST, Role.Names.ADMIN})
    @Path("{id}")
    @Operation(summary = "Replace a prison", description = "Replaces every editable field. If-Match is required.")
    public RestResponse<PrisonView> replacePrison(@PathParam("id") UUID id,
            @HeaderParam("If-Match") String ifMatch, @NotNull @Valid PrisonInput body) {
        return Responses.ok(service.replace(id, ifMatch, body));
    }

    @PATCH
    @RolesAllowed({Role.Names.ANALYST, Role.Names.ADMIN})
    @Path("{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @Operation(summary = "Change some fields of a prison",
            description = "An RFC 7396 merge patch over the editable fields; null removes a value. If-Match is required.")
    public RestResponse<PrisonView> patchPrison(@PathParam("id") UUID id,
            @HeaderParam("If-Match") String ifMatch, @NotNull JsonNode body) {
        return Responses.ok(service.patch(id, ifMatch, body));
    }

    @DELETE
    @RolesAllowed(Role.Names.ADMIN)
    @Path("{id}")
    @Operation(summary = "Delete a prison", description = "Soft delete. Refused with 409 while live incidents or "
            + "armed-inmate reports reference the prison.")
    public RestResponse<Void> deletePrison(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        service.delete(id, ifMatch);
        return Responses.deleted();
    }

    @GET
    @PermitAll
    @Path("{id}/history")
    @Operation(summary = "List the versions of a prison",
            description = "Oldest first, keyset-paged, each version as the caller's audience sees it; versions the "
                    + "caller may not see are left out. 404 when the record does not exist, was deleted or is hidden.")
    public RestResponse<Page<PrisonView>> listPrisonHistory(@PathParam("id") UUID id, @Valid @BeanParam PageParams page) {
        return Responses.page(uri, service.history(id, page));
    }
}
