package org.prisonwatch.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.prisonwatch.access.Role;
import org.prisonwatch.api.Page;
import org.prisonwatch.api.PageParams;
import org.prisonwatch.api.ProblemException;
import org.prisonwatch.audit.AuditAction;
import org.prisonwatch.audit.AuditLog;
import org.prisonwatch.audit.AuditedEntity;

/** Issuing, listing, revoking and checking API keys. */
@ApplicationScoped
public class ApiKeyService {

    private static final Logger LOG = Logger.getLogger(ApiKeyService.class);
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);
    static final int MIN_BOOTSTRAP_KEY_LENGTH = 32;

    @Inject
    ApiKeyRepository keys;

    @Inject
    AuditLog audit;

    @ConfigProperty(name = "prisonwatch.bootstrap-admin-key")
    Optional<String> bootstrapAdminKey;

    /** The first admin key of a new deployment comes from configuration, and only while no admin key exists. */
    @Transactional
    @ActivateRequestContext
    void bootstrap(@Observes StartupEvent event) {
        if (bootstrapAdminKey.isEmpty() || bootstrapAdminKey.get().isBlank() || keys.anyActiveAdmin()) {
            return;
        }
        String key = bootstrapAdminKey.get().strip();
        if (key.length() < MIN_BOOTSTRAP_KEY_LENGTH) {
            throw new IllegalStateException("PRISONWATCH_BOOTSTRAP_ADMIN_KEY must be at least "
                    + MIN_BOOTSTRAP_KEY_LENGTH + " characters of random text");
        }
        ApiKey stored = store("bootstrap admin", Role.ADMIN, null, key);
        audit.record(AuditAction.KEY_ISSUE, AuditedEntity.API_KEY.storedName(), stored.id, null);
        LOG.info("Bootstrap admin key stored (as a hash); create named keys with it, then revoke it");
    }

    @Transactional
    public ApiKeyView issue(ApiKeyInput input, UUID createdBy) {
        String key = KeyHash.newKey();
        ApiKey stored = store(input.name().strip(), input.role(), createdBy, key);
        audit.record(AuditAction.KEY_ISSUE, AuditedEntity.API_KEY.storedName(), stored.id, null);
        return ApiKeyView.of(stored, key);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ApiKeyView> list(PageParams page) {
        return keys.list(page);
    }

    /** Revokes at once: the next request with the key is refused. Revoking twice is harmless. */
    @Transactional
    public void revoke(UUID id) {
        ApiKey key = keys.findById(id);
        if (key == null) {
            throw ProblemException.notFound("API key");
        }
        if (key.revokedAt == null) {
            key.revokedAt = now();
            audit.record(AuditAction.KEY_REVOKE, AuditedEntity.API_KEY.storedName(), key.id, null);
        }
    }

    /** The active key with this value, its last use recorded to the minute (not a write per request). */
    @Transactional
    public Optional<ApiKey> authenticate(String key) {
        Optional<ApiKey> found = keys.findActiveByHash(KeyHash.of(key));
        found.ifPresent(k -> {
            Instant now = now();
            if (k.lastUsedAt == null || k.lastUsedAt.plus(LAST_USED_RESOLUTION).isBefore(now)) {
                k.lastUsedAt = now;
            }
        });
        return found;
    }

    private ApiKey store(String name, Role role, UUID createdBy, String key) {
        ApiKey stored = new ApiKey();
        stored.name = name;
        stored.role = role;
        stored.createdBy = createdBy;
        stored.keyHash = KeyHash.of(key);
        stored.createdAt = now();
        keys.persist(stored);
        return stored;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
