package org.prisonwatch.webhook;

import com.fasterxml.jackson.databind.JsonNode;
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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.prisonwatch.access.Role;
import org.prisonwatch.api.MergePatch;
import org.prisonwatch.api.Page;
import org.prisonwatch.api.PageParams;
import org.prisonwatch.api.Responses;
import org.prisonwatch.idempotency.IdempotencyKeyHeader;
import org.prisonwatch.idempotency.IdempotentPosts;

/** HTTP in, HTTP out for /api/v1/webhooks. */
@Path(WebhookResource.PATH)
@Tag(name = "Webhooks", description = "Changes pushed to partners as they happen, signed (Standard Webhooks)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.Names.ADMIN)
public class WebhookResource {

    public static final String PATH = "/api/v1/webhooks";

    @Inject
    Subscriptions subscriptions;

    @Inject
    IdempotentPosts idempotent;

    @Context
    UriInfo uri;

    @POST
    @Operation(summary = "Subscribe a URL to changes", description = "Every write that the audience of apiKeyId "
            + "(a PARTNER key, or null for anonymous callers) may see is POSTed to the URL as it commits: the record "
            + "as that audience saw it then, or record.deleted when it was withdrawn from them. The answer holds the "
            + "signing secret, once. The URL must be https on a public address (checked again before every "
            + "attempt); no redirect is followed.")
    public RestResponse<SubscriptionView> createWebhook(@BeanParam IdempotencyKeyHeader idempotencyKey,
            @NotNull @Valid SubscriptionInput body) {
        return idempotent.post(idempotencyKey, PATH, body,
                () -> Responses.created(uri, PATH, subscriptions.create(body)));
    }

    @GET
    @Operation(summary = "List webhook subscriptions", description = "Keyset-paged, oldest first; secrets never "
            + "appear.")
    public RestResponse<Page<SubscriptionView>> listWebhooks(@Valid @BeanParam PageParams page) {
        return Responses.page(uri, subscriptions.list(page));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get a webhook subscription", description = "With why the service disabled it, if it did.")
    public RestResponse<SubscriptionView> getWebhook(@Parameter(description = "The subscription's id") @PathParam("id") UUID id) {
        return Responses.ok(subscriptions.get(id));
    }

    @PATCH
    @Path("{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @Operation(summary = "Change a webhook subscription", description = "An RFC 7396 merge patch over url, "
            + "entities and enabled. Enabling a subscription the service disabled sends what it left pending, in "
            + "order; one whose key was revoked cannot be enabled. If-Match is optional and checked when sent.")
    public RestResponse<SubscriptionView> patchWebhook(@Parameter(description = "The subscription's id") @PathParam("id") UUID id,
            @HeaderParam("If-Match") String ifMatch,
            @NotNull @RequestBody(content = @Content(mediaType = MergePatch.MEDIA_TYPE,
                    schema = @Schema(implementation = SubscriptionChange.class))) JsonNode body) {
        return Responses.ok(subscriptions.patch(id, ifMatch, body));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a webhook subscription", description = "With its pending deliveries and its "
            + "delivery log. Idempotent.")
    public RestResponse<Void> deleteWebhook(@Parameter(description = "The subscription's id") @PathParam("id") UUID id) {
        subscriptions.delete(id);
        return Responses.deleted();
    }

    @POST
    @Path("{id}/rotate-secret")
    @Operation(summary = "Rotate a webhook's signing secret", description = "The answer holds the new secret, "
            + "once. Until previousSecretExpiresAt (PRISONWATCH_WEBHOOK_SECRET_GRACE, 24 h by default) every "
            + "delivery carries two signatures, one per secret, so the subscriber can switch without losing one.")
    public RestResponse<SubscriptionView> rotateWebhookSecret(@BeanParam IdempotencyKeyHeader idempotencyKey,
            @Parameter(description = "The subscription's id") @PathParam("id") UUID id) {
        return idempotent.post(idempotencyKey, PATH + "/" + id + "/rotate-secret", null,
                () -> Responses.ok(subscriptions.rotate(id)));
    }

    @POST
    @Path("{id}/ping")
    @Operation(summary = "Send a test event to a webhook", description = "Sends a signed webhook.ping now, even to "
            + "a disabled subscription, and answers with how it went. It is logged as a delivery of its own, is "
            + "never retried, and neither waits for nor holds back the subscription's events.")
    public RestResponse<DeliveryView> pingWebhook(@BeanParam IdempotencyKeyHeader idempotencyKey,
            @Parameter(description = "The subscription's id") @PathParam("id") UUID id) {
        return idempotent.post(idempotencyKey, PATH + "/" + id + "/ping", null,
                () -> RestResponse.ok(subscriptions.ping(id)));
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(summary = "List a webhook's deliveries", description = "The delivery log: each event, its status "
            + "and every attempt (when, what was sent, the answer's status, latency and first bytes). "
            + "Keyset-paged, oldest first.")
    public RestResponse<Page<DeliveryView>> listWebhookDeliveries(@Parameter(description = "The subscription's id") @PathParam("id") UUID id,
            @Valid @BeanParam PageParams page) {
        return Responses.page(uri, subscriptions.deliveries(id, page));
    }

    @POST
    @Path("{id}/deliveries/{deliveryId}/retry")
    @Operation(summary = "Send a delivery again", description = "Queues it again with the same webhook-id and "
            + "body, its retry schedule started afresh: one that failed, or one delivered that the subscriber lost. "
            + "It goes before the subscription's later events; a disabled subscription sends it once enabled.")
    @APIResponse(responseCode = "202", description = "Queued: the delivery as it stands",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DeliveryView.class)))
    public RestResponse<DeliveryView> retryWebhookDelivery(@BeanParam IdempotencyKeyHeader idempotencyKey,
            @Parameter(description = "The subscription's id") @PathParam("id") UUID id, @Parameter(description = "The delivery's id, as the log gives it") @PathParam("deliveryId") UUID deliveryId) {
        return idempotent.post(idempotencyKey, PATH + "/" + id + "/deliveries/" + deliveryId + "/retry", null,
                () -> RestResponse.status(RestResponse.Status.ACCEPTED, subscriptions.retry(id, deliveryId)));
    }
}
