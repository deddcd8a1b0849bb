package org.prisonwatch.armedinmate;

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

/** HTTP in, HTTP out for /api/v1/armed-inmate-reports. */
@Path(ArmedInmateReportResource.PATH)
@Tag(name = "Armed-inmate reports", description = "Sourced claims that inmates of a prison were armed or made to fight")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ArmedInmateReportResource {

    public static final String PATH = "/api/v1/armed-inmate-reports";

    @Inject
    ArmedInmateReportService service;

    @Inject
    IdempotentPosts idempotent;

    @Context
    UriInfo uri;

    @Inject
    ArmedInmateReportCsv csv;

    @Inject
    Exports exports;

    @GET
    @PermitAll
    @Produces({MediaType.APPLICATION_JSON, CsvExport.MEDIA_TYPE, GeoJsonExport.MEDIA_TYPE})
    @Operation(summary = "List armed-inmate reports", description = "Keyset-paged; sort keys: id (default, creation "
            + "order), reportedOn, updatedAt. With Accept: text/csv, every report that matches, from the cursor on, "
            + "as one CSV file with an HXL hashtag row; with Accept: application/geo+json, as a GeoJSON "
            + "FeatureCollection placed at their prisons. limit does not apply to either.")
    public RestResponse<Page<ArmedInmateReportView>> listArmedInmateReports(
            @Valid @BeanParam ArmedInmateReportFilter filter, @Valid @BeanParam PageParams page,
            @Context HttpHeaders headers) {
        return exports.list(headers, uri, csv.exported(), params -> service.list(filter, params), page);
    }

    @POST
    @RolesAllowed({Role.Names.REPORTER, Role.Names.ANALYST, Role.Names.ADMIN})
    @Operation(summary = "Record an armed-inmate report", description = "Returns the stored armed-inmate report with its Location and ETag.")
    public RestResponse<ArmedInmateReportView> createArmedInmateReport(@BeanParam IdempotencyKeyHeader idempotencyKey,
            @NotNull @Valid ArmedInmateReportInput body) {
        return idempotent.post(idempotencyKey, PATH, body, () -> Responses.created(uri, PATH, service.create(body)));
    }

    @GET
    @PermitAll
    @Path("{id}")
    @Operation(summary = "Read an armed-inmate report",
            description = "Returns the record with its ETag; 404 when it does not exist or was deleted.")
    public RestResponse<ArmedInmateReportView> getArmedInmateReport(@PathParam("id") UUID id) {
        return Responses.ok(service.get(id));
    }

    @POST
    @RolesAllowed({Role.Names.ANALYST, Role.Names.PARTNER, Role.Names.ADMIN})
    @Path("by-ref")
    @Consumes(BulkUpserts.MEDIA_TYPE)
    @Produces(BulkUpserts.MEDIA_TYPE)
    @Operation(summary = "Create or replace many of your armed-inmate reports by externalRef", description = BulkUpserts.RULES)
    @RequestBody(required = true, content = @Content(mediaType = BulkUpserts.MEDIA_TYPE,
            schema = @Schema(implementation = BulkLine.class)))
    @APIResponse(responseCode = "200", content = @Content(mediaType = BulkUpserts.MEDIA_TYPE, schema = @Schema(implementation = BulkResult.class)))
    public Response upsertArmedInmateReportsByRef(@HeaderParam("Idempotency-Key") String idempotencyKey, InputStream body,
            HttpServerRequest request) {
        return service.upsertByRefInBulk(idempotencyKey, body, request);
    }

    @PUT
    @RolesAllowed({Role.Names.REPORTER, Role.Names.ANALYST, Role.Names.PARTNER, Role.Names.ADMIN})
    @Path("by-ref/{externalRef}")
    @Operation(summary = "Create or replace your armed-inmate report with this externalRef",
            description = Upserted.RULES)
    public RestResponse<ArmedInmateReportView> upsertArmedInmateReportByRef(
            @PathParam("externalRef") String externalRef, @HeaderParam("If-Match") String ifMatch, @NotNull @Valid ArmedInmateReportInput body) {
        return Responses.upserted(uri, PATH, service.upsertByRef(externalRef, ifMatch, body));
    }

    @PUT
    @RolesAllowed({Role.Names.REPORTER, Role.Names.ANALYST, Role.Names.ADMIN})
    @Path("{id}")
    @Operation(summary = "Replace an armed-inmate report", description = "Replaces every editable field. If-Match is required.")
    public RestResponse<ArmedInmateReportView> replaceArmedInmateReport(@PathParam("id") UUID id,
            @HeaderParam("If-Match") String ifMatch, @NotNull @Valid ArmedInmateReportInput body) {
        return Responses.ok(service.replace(id, ifMatch, body));
    }

    @PATCH
    @RolesAllowed({Role.Names.REPORTER, Role.Names.ANALYST, Role.Names.ADMIN})
    @Path("{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @Operation(summary = "Change some fields of an armed-inmate report",
            description = "An RFC 7396 merge patch over the editable fields; null removes a value. If-Match is required.")
    public RestResponse<ArmedInmateReportView> patchArmedInmateReport(@PathParam("id") UUID id,
            @HeaderParam("If-Match") String ifMatch, @NotNull JsonNode body) {
        return Responses.ok(service.patch(id, ifMatch, body));
    }

    @DELETE
    @RolesAllowed(Role.Names.ADMIN)
    @Path("{id}")
    @Operation(summary = "Delete an armed-inmate report",
            description = "Soft delete.")
    public RestResponse<Void> deleteArmedInmateReport(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        service.delete(id, ifMatch);
        return Responses.deleted();
    }

    @GET
    @PermitAll
    @Path("{id}/history")
    @Operation(summary = "List the versions of an armed-inmate report",
            description = "Oldest first, keyset-paged, each version as the caller's audience sees it; versions the "
                    + "caller may not see are left out. 404 when the record does not exist, was deleted or is hidden.")
    public RestResponse<Page<ArmedInmateReportView>> listArmedInmateReportHistory(@PathParam("id") UUID id, @Valid @BeanParam PageParams page) {
        return Responses.page(uri, service.history(id, page));
    }
}
