package org.prisonwatch.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
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
    static final int MIN_BOOTSTRAP_KEY_LENGTH = 32;

    @Inject
    ApiKeyRepository keys;

    @Inject
    AuditLog audit;

    @Inject
    VerifiedKeys verified;

    @Inject
    KeyUses uses;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    Event<KeyRevoked> revocations;

    @ConfigProperty(name = "prisonwatch.bootstrap-admin-key")
    Optional<String> bootstrapAdminKey;

    /** The first admin key of a new deployment comes from configuration, and only while no admin key exists. */
    @Transactional
    @ActivateRequestContext
    void bootstrap(@Observes StartupEvent event) {
        if (keys.anyActiveAdmin()) {
            if (bootstrapAdminKey.isPresent() && !bootstrapAdminKey.get().isBlank()) {
                // a deployer who set it again expects it to work: say why it does not
                LOG.info("PRISONWATCH_BOOTSTRAP_ADMIN_KEY is ignored: admin keys exist already. Use one of them, "
                        + "and unset the variable (README: First keys of a new deployment)");
            }
            return;
        }
        if (bootstrapAdminKey.isEmpty() || bootstrapAdminKey.get().isBlank()) {
            // the first thing a new deployer needs, said where they look first
            LOG.info("No admin key exists yet: anyone may read PUBLIC records, no one may write. To issue the first "
                    + "keys, start once with PRISONWATCH_BOOTSTRAP_ADMIN_KEY set to a secret of at least "
                    + MIN_BOOTSTRAP_KEY_LENGTH + " random characters (e.g. $(openssl rand -hex 32)) and call "
                    + "POST /api/v1/admin/api-keys with it (README: Quick start)");
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

    /**
     * The keys active now are worth a lookup from any address ({@link VerifiedKeys#seenActive}); keys issued later
     * on other instances become so here once used from an address within its failed-key budget.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    @ActivateRequestContext
    void learnActiveKeys(@Observes StartupEvent event) {
        keys.activeHashes().forEach(verified::active);
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

    /**
     * Revokes at once: the next request with the key to this instance is refused, and to any other instance once
     * its cached copy of the key expires ({@code prisonwatch.key-cache.ttl}). Revoking twice is harmless.
     */
    @Transactional
    public void revoke(UUID id) {
        ApiKey key = keys.findById(id);
        if (key == null) {
            throw ProblemException.notFound("API key");
        }
        // after the commit, so that no lookup still running can put back what was read before it
        String hash = key.keyHash;
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                verified.revoked(hash);
            }
        });
        if (key.revokedAt == null) {
            key.revokedAt = now();
            // the entry also tells every outbox that this key's subscriptions are pushed nothing more
            audit.record(AuditAction.KEY_REVOKE, AuditedEntity.API_KEY.storedName(), key.id, null);
            revocations.fire(new KeyRevoked(key.id));
        }
    }

    /**
     * The active key with this value if this instance has verified it lately: no database, no worker thread, so
     * it may run on the event loop. Empty means "ask {@link #authenticate}", not "unknown".
     */
    /**
     * Whether this instance has seen the key active (cheap, in memory, no database): a key it has not seen is looked
     * up only while its caller's address has failed-key budget left.
     */
    boolean seenActive(String key) {
        return verified.seenActive(KeyHash.of(key));
    }

    Optional<VerifiedKey> recentlyVerified(String hash) {
        Optional<VerifiedKey> found = verified.get(hash);
        found.ifPresent(k -> uses.used(k.id(), now()));
        return found;
    }

    /**
     * The active key with this hash: from this instance's cache while it holds it, else looked up in the database
     * (a read, and no transaction of its own).
     */
    @ActivateRequestContext
    public Optional<VerifiedKey> authenticate(String hash) {
        Optional<VerifiedKey> cached = verified.get(hash);
        if (cached.isEmpty()) {
            long revocationsBefore = verified.revocationCount();
            cached = keys.findActiveByHash(hash).map(k -> new VerifiedKey(k.id, k.role));
            cached.ifPresentOrElse(k -> verified.put(hash, k, revocationsBefore), () -> verified.notActive(hash));
        }
        cached.ifPresent(k -> uses.used(k.id(), now()));
        return cached;
    }

    private ApiKey store(String name, Role role, UUID createdBy, String key) {
        ApiKey stored = new ApiKey();
        stored.name = name;
        stored.role = role;
        stored.createdBy = createdBy;
        stored.keyHash = KeyHash.of(key);
        stored.createdAt = now();
        keys.persist(stored);
        verified.active(stored.keyHash);
        return stored;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
