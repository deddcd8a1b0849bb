package org.prisonwatch.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Active keys this instance has looked up, by key hash, for {@code prisonwatch.key-cache.ttl}: a key is read from
 * the database once per period, not once per request. Only keys found active are kept, so bad keys, however many,
 * take no room. A revocation here removes the key at once; one made on another instance is seen here when the
 * entry expires, which bounds how long a key revoked elsewhere still works.
 */
@Singleton
public class VerifiedKeys {

    /** Far above any real number of keys: only a bound on memory, never reached in use. */
    private static final int MAX_KEYS = 100_000;

    @ConfigProperty(name = "prisonwatch.key-cache.ttl")
    Duration ttl;

    private Cache<String, VerifiedKey> byHash;

    /**
     * Hashes of keys this instance has seen active (active at start, issued here, or found active by a lookup),
     * kept past the cache's expiry: a key worth a database lookup even from an address that has spent its
     * failed-key budget. Removed when the key is revoked here or a lookup finds it inactive. Keys are made by admins
     * only, so this stays small; a key outside it costs its caller's address one unit of that budget.
     */
    private final Set<String> seenActive = ConcurrentHashMap.newKeySet();

    /**
     * Bumped by every revocation. A lookup that read the database before a revocation committed must not leave
     * the key behind in the cache after the revocation removed it: it checks the count again once it has put it.
     */
    private final AtomicLong revocations = new AtomicLong();

    @PostConstruct
    void build() {
        byHash = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(MAX_KEYS).build();
    }

    Optional<VerifiedKey> get(String hash) {
        return Optional.ofNullable(byHash.getIfPresent(hash));
    }

    /** To be read before the database lookup whose result goes to {@link #put}. */
    long revocationCount() {
        return revocations.get();
    }

    boolean seenActive(String hash) {
        return seenActive.contains(hash);
    }

    /** A key active at start or issued here. */
    void active(String hash) {
        if (seenActive.size() < MAX_KEYS) {
            seenActive.add(hash);
        }
    }

    /** A lookup found no active key with this hash (unknown, or revoked on another instance). */
    void notActive(String hash) {
        seenActive.remove(hash);
    }

    void put(String hash, VerifiedKey key, long revocationsBeforeLookup) {
        byHash.put(hash, key);
        active(hash);
        if (revocations.get() != revocationsBeforeLookup) {
            byHash.invalidate(hash);
        }
    }

    /** Called once the revocation is committed, before its response goes out. */
    void revoked(String hash) {
        revocations.incrementAndGet();
        byHash.invalidate(hash);
        seenActive.remove(hash);
    }
}
