package org.prisonwatch.webhook;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.prisonwatch.change.ChangedEntity;

/**
 * The fields of a subscription a merge patch may change, as the patch is written: any subset. The audience
 * (apiKeyId) is not one of them: a subscription that sent one audience's records never starts sending another's;
 * delete it and create another.
 */
@Schema(name = "WebhookPatch", description = "An RFC 7396 merge patch of a webhook subscription: any subset of "
        + "these fields")
public record SubscriptionChange(
        @Size(max = 2048) @Schema(examples = "https://partner.example.org/hooks/prisonwatch") String url,
        @Size(min = 1, max = 5) @Schema(nullable = true, description = "null for all kinds")
                List<@NotNull ChangedEntity> entities,
        @Schema(description = "Enabling a subscription that was disabled sends what it left pending")
                Boolean enabled) {
}
