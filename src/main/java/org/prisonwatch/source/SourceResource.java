package org.prisonwatch.source;

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
import org.prisonwatch.idempotency.IdempotencyKeyHeader;
import org.prisonwatch.idempotency.IdempotentPosts;

/** HTTP in, HTTP out for /api/v1/sources. */
@Path(SourceResource.PATH)
@Tag(name = "Sources", description = "Who reported the facts: organisations, media, witnesses")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SourceResource {

    public static final String PATH = "/api/v1/sources";

    @Inject
    SourceService service;

    @Inject
    IdempotentPosts idempotent;

    @Context
    UriInfo uri;

    @Inject
    Exports exports;

    @GET
    @PermitAll
    @Produces({MediaType.APPLICATION_JSON, CsvExport.MEDIA_TYPE})
    @Operation(summary = "List sources", description = "Keyset-paged; sort keys: id (default), name, updatedAt. With "
            + "Accept: text/csv, every source that matches, from the cursor on, as one CSV file with an HXL hashtag "
            + "row (limit does not apply).")
    public RestResponse<Page<SourceResponse>> listSources(@Valid @BeanParam SourceFilter filter,
            @Valid @BeanParam PageParams page, @Context HttpHeaders headers) {
        return exports.list(headers, uri, SourceCsv.EXPORTED, params -> service.list(filter, params), page);
    }

    @POST
    @RolesAllowed({Role.Names.REPORTER, Role.Names.ANALYST, Role.Names.ADMIN})
    @Operation(summary = "Record a source", description = "Returns the stored source with its Location and ETag.")
    public RestResponse<SourceResponse> createSource(@BeanParam IdempotencyKeyHeader idempotencyKey,
            @NotNull @Valid SourceInput body) {
        return idempotent.post(idempotencyKey, PATH, body, () -> Responses.created(uri, PATH, service.create(body)));
    }

    @GET
    @PermitAll
    @Path("{id}")
    @Operation(summary = "Read a source",
            description = "Returns the record with its ETag; 404 when it does not exist or was deleted.")
    public RestResponse<SourceResponse> getSource(@PathParam("id") UUID id) {
        return Responses.ok(service.get(id));
    }

    @PUT
    @RolesAllowed({Role.Names.REPORTER, Role.Names.ANALYST, Role.Names.ADMIN})
    @Path("{id}")
    @Operation(summary = "Replace a source", description = "Replaces every editable field. If-Match is required.")
    public RestResponse<SourceResponse> replaceSource(@PathParam("id") UUID id,
            @HeaderParam("If-Match") String ifMatch, @NotNull @Valid SourceInput body) {
        return Responses.ok(service.replace(id, ifMatch, body));
    }

    @PATCH
    @RolesAllowed({Role.Names.REPORTER, Role.Names.ANALYST, Role.Names.ADMIN})
    @Path("{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @Operation(summary = "Change some fields of a source",
            description = "An RFC 7396 merge patch over the editable fields; null removes a value. If-Match is required.")
    public RestResponse<SourceResponse> patchSource(@PathParam("id") UUID id,
            @HeaderParam("If-Match") String ifMatch, @NotNull JsonNode body) {
        return Responses.ok(service.patch(id, ifMatch, body));
    }

    @DELETE
    @RolesAllowed(Role.Names.ADMIN)
    @Path("{id}")
    @Operation(summary = "Delete a source",
            description = "Soft delete. Refused with 409 while live records cite the source.")
    public RestResponse<Void> deleteSource(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        service.delete(id, ifMatch);
        return Responses.deleted();
    }

    @GET
    @PermitAll
    @Path("{id}/history")
    @Operation(summary = "List the versions of a source",
            description = "Oldest first, keyset-paged, each version as the caller's audience sees it; versions the "
                    + "caller may not see are left out. 404 when the record does not exist, was deleted or is hidden.")
    public RestResponse<Page<SourceResponse>> listSourceHistory(@PathParam("id") UUID id, @Valid @BeanParam PageParams page) {
        return Responses.page(uri, service.history(id, page));
    }

    @DELETE
    @RolesAllowed(Role.Names.ADMIN)
    @Path("{id}/contact")
    @Operation(summary = "Erase the contact of a source",
            description = "For a person in danger: removes the contact from the record, from every stored version of "
                    + "it and from stored idempotent responses, deleted records included; the audit log records "
                    + "that it happened, without the value. The record's version moves on; If-Match is required. "
                    + "Cannot be undone.")
    public RestResponse<Void> eraseContact(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return Responses.erased(service.eraseContact(id, ifMatch));
    }
}
