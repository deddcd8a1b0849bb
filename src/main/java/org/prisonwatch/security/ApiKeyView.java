package org.prisonwatch.security;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.prisonwatch.access.Role;
import org.prisonwatch.idempotency.SecretBearing;

/** An API key as listed: everything but the key, which is shown once, at creation. */
@Schema(requiredProperties = {"id", "name", "role", "createdAt"},
        name = "ApiKey", description = "An API key. The key itself appears only in the response that created it.")
public record ApiKeyView(
        @Schema(examples = "01933ab4-7c56-7000-a8db-3e2b1c4d5e6f") java.util.UUID id,
        @Schema(examples = "Kachin field reporter 7") String name,
        Role role,
        @Schema(description = "The key that created this one") UUID createdBy,
        @Schema(examples = "2026-01-04T09:30:00Z") Instant createdAt,
        @Schema(description = "Last successful use, to the minute; written in the background, so "
                + "it may lag by prisonwatch.key-cache.last-used-flush-every (30 s by default)") Instant lastUsedAt,
        Instant revokedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "The key; only in the creation response, and not in its replay under an "
                + "Idempotency-Key. Store it now: it cannot be shown again.",
                examples = "pw_q3J9c1sVh0m2Zr8xL5yT7nB4kD6fA1eG0wP2uS9iO3c", maxLength = 200,
                pattern = "pw_[A-Za-z0-9_-]+") String key)
        implements SecretBearing {

    /** A replayed creation response comes without the key: only its hash is ever stored. */
    @Override
    public Object withoutSecrets() {
        return new ApiKeyView(id, name, role, createdBy, createdAt, lastUsedAt, revokedAt, null);
    }

    static ApiKeyView of(ApiKey k, String key) {
        return new ApiKeyView(k.id, k.name, k.role, k.createdBy, k.createdAt, k.lastUsedAt, k.revokedAt, key);
    }
}
