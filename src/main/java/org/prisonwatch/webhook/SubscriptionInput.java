package org.prisonwatch.webhook;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.prisonwatch.change.ChangedEntity;

/** A new webhook subscription. */
@Schema(name = "WebhookInput", description = "A webhook subscription: where to send, for whose audience, what")
public record SubscriptionInput(
        @NotBlank @Size(max = 2048) @Schema(required = true, examples = "https://partner.example.org/hooks/prisonwatch",
                description = "An https URL on a public address; no redirects are followed") String url,
        @Schema(implementation = String.class, format = "uuid", nullable = true, description = "The PARTNER key whose audience payloads are rendered for; null for the anonymous "
                + "audience (PUBLIC records only). Other roles may not be subscribed.",
                examples = "01933ab4-7c56-7000-a8db-3e2b1c4d5e6f") UUID apiKeyId,
        @Size(min = 1, max = 5) @Schema(description = "The kinds of record to send, as the change feed names them; absent "
                + "for all") List<@NotNull ChangedEntity> entities,
        @Schema(description = "Whether deliveries are sent; true when absent", defaultValue = "true")
                Boolean enabled) {
}
