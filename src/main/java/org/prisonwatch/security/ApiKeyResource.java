package org.prisonwatch.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.prisonwatch.access.Role;
import org.prisonwatch.api.Page;
import org.prisonwatch.api.PageParams;
import org.prisonwatch.api.PublicUris;
import org.prisonwatch.api.Responses;
import org.prisonwatch.idempotency.IdempotencyKeyHeader;
import org.prisonwatch.idempotency.IdempotentPosts;

/** HTTP in, HTTP out for /api/v1/admin/api-keys. */
@Path(ApiKeyResource.PATH)
@Tag(name = "Admin", description = "API keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.Names.ADMIN)
public class ApiKeyResource {

    public static final String PATH = "/api/v1/admin/api-keys";

    @Inject
    ApiKeyService keys;

    @Inject
    SecurityIdentity identity;

    @Inject
    IdempotentPosts idempotent;

    @Context
    UriInfo uri;

    @POST
    @Operation(summary = "Issue an API key", description = "The response holds the key, once. Only its hash is "
            + "stored: keep the key now or issue a new one.")
    public RestResponse<ApiKeyView> createApiKey(@BeanParam IdempotencyKeyHeader idempotencyKey,
            @NotNull @Valid ApiKeyInput body) {
        return idempotent.post(idempotencyKey, PATH, body, () -> {
            ApiKeyView issued = keys.issue(body, UUID.fromString(identity.getPrincipal().getName()));
            return RestResponse.ResponseBuilder.<ApiKeyView>create(RestResponse.Status.CREATED, issued)
                    .header("Location", PublicUris.of(uri, PATH + "/" + issued.id()).toString()).build();
        });
    }

    @GET
    @Operation(summary = "List API keys", description = "Keyset-paged, oldest first. Keys themselves never appear.")
    public RestResponse<Page<ApiKeyView>> listApiKeys(@Valid @BeanParam PageParams page) {
        return Responses.page(uri, keys.list(page));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Revoke an API key", description = "Takes effect on the next request to "
            + "the instance that revokes it, and on every other instance within prisonwatch.key-cache.ttl (30 s by "
            + "default). Idempotent.")
    public RestResponse<Void> deleteApiKey(@PathParam("id") UUID id) {
        keys.revoke(id);
        return Responses.deleted();
    }
}
