package org.prisonwatch.casualty;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.http.HttpServerRequest;
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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.prisonwatch.access.Role;
import org.prisonwatch.api.MergePatch;
import org.prisonwatch.api.Page;
import org.prisonwatch.api.PageParams;
import org.prisonwatch.api.Responses;
import org.prisonwatch.api.Upserted;
import org.prisonwatch.collection.BulkLine;
import org.prisonwatch.collection.BulkResult;
import org.prisonwatch.collection.BulkUpserts;
import org.prisonwatch.export.CsvExport;
import org.prisonwatch.export.Exports;
import org.prisonwatch.export.GeoJsonExport;
import org.prisonwatch.idempotency.IdempotencyKeyHeader;
import org.prisonwatch.idempotency.IdempotentPosts;

/** HTTP in, HTTP out for /api/v1/casualties. */
@Path(CasualtyResource.PATH)
@Tag(name = "Casualties", description = "People killed, injured, missing or captured in an incident")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CasualtyResource {

    public static final String PATH = "/api/v1/casualties";

    @Inject
    CasualtyService service;

    @Inject
    IdempotentPosts idempotent;

    @Context
    UriInfo uri;

    @Inject
    CasualtyCsv csv;

    @Inject
    Exports exports;

    @GET
    @PermitAll
    @Produces({MediaType.APPLICATION_JSON, CsvExport.MEDIA_TYPE, GeoJsonExport.MEDIA_TYPE})
    @Operation(summary = "List casualties", description = "Keyset-paged; sort keys: id (default, creation order), "
            + "updatedAt. With Accept: text/csv, every casualty that matches, from the cursor on, as one CSV file "
            + "with an HXL hashtag row; with Accept: application/geo+json, as a GeoJSON FeatureCollection of those "
            + "whose incident the caller may see at a prison with coordinates. limit does not apply to either.")
    public RestResponse<Page<CasualtyResponse>> listCasualties(@Valid @BeanParam CasualtyFilter filter,
            @Valid @BeanParam PageParams page, @Context HttpHeaders headers) {
        return exports.list(headers, uri, csv.exported(), params -> service.list(filter, params), page);
    }

    @POST
    @RolesAllowed({Role.Names.REPORTER, Role.Names.ANALYST, Role.Names.ADMIN})
    @Operation(summary = "Record a casualty", description = "Returns the stored casualty with its Location and ETag.")
    public RestResponse<CasualtyResponse> createCasualty(@BeanParam IdempotencyKeyHeader idempotencyKey,
            @NotNull @Valid CasualtyInput body) {
        return idempotent.post(idempotencyKey, PATH, body, () -> Responses.created(uri, PATH, service.create(body)));
    }

    @GET
    @PermitAll
    @Path("{id}")
    @Operation(summary = "Read a casualty",
            description = "Returns the record with its ETag; 404 when it does not exist or was deleted.")
    public RestResponse<CasualtyResponse> getCasualty(@PathParam("id") UUID id) {
        return Responses.ok(service.get(id));
    }

    @POST
    @RolesAllowed({Role.Names.ANALYST, Role.Names.PARTNER, Role.Names.ADMIN})
    @Path("by-ref")
    @Consumes(BulkUpserts.MEDIA_TYPE)
    @Produces(BulkUpserts.MEDIA_TYPE)
    @Operation(summary = "Create or replace many of your casualties by externalRef", description = BulkUpserts.RULES)
    @RequestBody(required = true, content = @Content(mediaType = BulkUpserts.MEDIA_TYPE,
            schema = @Schema(implementation = BulkLine.class)))
    @APIResponse(responseCode = "200", content = @Content(mediaType = BulkUpserts.MEDIA_TYPE, schema = @Schema(implementation = BulkResult.class)))
    public Response upsertCasualtiesByRef(@HeaderParam("Idempotency-Key") String idempotencyKey, InputStream body,
            HttpServerRequest request) {
        return service.upsertByRefInBulk(idempotencyKey, body, request);
    }

    @PUT
    @RolesAllowed({Role.Names.REPORTER, Role.Names.ANALYST, Role.Names.PARTNER, Role.Names.ADMIN})
    @Path("by-ref/{externalRef}")
    @Operation(summary = "Create or replace your casualty with this externalRef",
            description = Upserted.RULES)
    public RestResponse<CasualtyResponse> upsertCasualtyByRef(@PathParam("externalRef") String externalRef,
            @HeaderParam("If-Match") String ifMatch, @NotNull @Valid CasualtyInput body) {
        return Responses.upserted(uri, PATH, service.upsertByRef(externalRef, ifMatch, body));
    }

    @PUT
    @RolesAllowed({Role.Names.REPORTER, Role.Names.ANALYST, Role.Names.ADMIN})
    @Path("{id}")
    @Operation(summary = "Replace a casualty", description = "Replaces every editable field. If-Match is required.")
    public RestResponse<CasualtyResponse> replaceCasualty(@PathParam("id") UUID id,
            @HeaderParam("If-Match") String ifMatch, @NotNull @Valid CasualtyInput body) {
        return Responses.ok(service.replace(id, ifMatch, body));
    }

    @PATCH
    @RolesAllowed({Role.Names.REPORTER, Role.Names.ANALYST, Role.Names.ADMIN})
    @Path("{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @Operation(summary = "Change some fields of a casualty",
            description = "An RFC 7396 merge patch over the editable fields; null removes a value. If-Match is required.")
    public RestResponse<CasualtyResponse> patchCasualty(@PathParam("id") UUID id,
            @HeaderParam("If-Match") String ifMatch, @NotNull JsonNode body) {
        return Responses.ok(service.patch(id, ifMatch, body));
    }

    @DELETE
    @RolesAllowed(Role.Names.ADMIN)
    @Path("{id}")
    @Operation(summary = "Delete a casualty",
            description = "Soft delete.")
    public RestResponse<Void> deleteCasualty(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        service.delete(id, ifMatch);
        return Responses.deleted();
    }

    @GET
    @PermitAll
    @Path("{id}/history")
    @Operation(summary = "List the versions of a casualty record",
            description = "Oldest first, keyset-paged, each version as the caller's audience sees it; versions the "
                    + "caller may not see are left out. 404 when the record does not exist, was deleted or is hidden.")
    public RestResponse<Page<CasualtyResponse>> listCasualtyHistory(@PathParam("id") UUID id, @Valid @BeanParam PageParams page) {
        return Responses.page(uri, service.history(id, page));
    }

    @DELETE
    @RolesAllowed(Role.Names.ADMIN)
    @Path("{id}/person")
    @Operation(summary = "Erase the identified person of a casualty",
            description = "For a person in danger: removes the person from the record, from every stored version of "
                    + "it and from stored idempotent responses, deleted records included; the audit log records "
                    + "that it happened, without the value. The record's version moves on; If-Match is required. "
                    + "Cannot be undone.")
    public RestResponse<Void> erasePerson(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return Responses.erased(service.erasePerson(id, ifMatch));
    }
}
