package org.prisonwatch.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.prisonwatch.api.VersionedView;
import org.prisonwatch.change.ChangedEntity;
import org.prisonwatch.idempotency.SecretBearing;

/** A webhook subscription as an admin reads it; its secret only in the answer that made it. */
@Schema(name = "Webhook", requiredProperties = {"id", "url", "audience", "enabled", "createdAt", "updatedAt",
        "version"})
public record SubscriptionView(
        @Schema(examples = "01933ab4-7c56-7000-a8db-3e2b1c4d5e6f") UUID id,
        @Schema(examples = "https://partner.example.org/hooks/prisonwatch") String url,
        @Schema(description = "The PARTNER key payloads are rendered for; absent for the anonymous audience")
                UUID apiKeyId,
        @Schema(description = "Whose view payloads are rendered for", enumeration = {"PARTNER", "ANONYMOUS"},
                examples = "PARTNER") String audience,
        @Schema(description = "The kinds of record sent; absent for all") List<ChangedEntity> entities,
        boolean enabled,
        @Schema(description = "Why the service disabled it (failed deliveries, 410 Gone, a revoked key)",
                maxLength = 300, examples = "the target answered 410 Gone") String disabledReason,
        Instant createdAt,
        Instant updatedAt,
        Integer version,
        @Schema(description = "Until when deliveries are also signed with the secret before the last rotation")
                Instant previousSecretExpiresAt,
        @Schema(description = "The signing secret (Standard Webhooks, whsec_...): only in the answer to a creation "
                + "or a rotation, never again; not in an Idempotency-Key replay either",
                examples = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", maxLength = 64, pattern = "^whsec_[A-Za-z0-9+/=]+$")
                String secret) implements SecretBearing, VersionedView {

    @Override
    public Object withoutSecrets() {
        return withSecret(null);
    }

    SubscriptionView withSecret(String shownOnce) {
        return new SubscriptionView(id, url, apiKeyId, audience, entities, enabled, disabledReason, createdAt,
                updatedAt, version, previousSecretExpiresAt, shownOnce);
    }
}
