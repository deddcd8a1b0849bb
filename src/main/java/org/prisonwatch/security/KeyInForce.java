package org.prisonwatch.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.prisonwatch.api.ProblemException;
import org.prisonwatch.api.ProblemType;

/**
 * The key a request was authorised with, checked again while its response goes on: an export can stream for many
 * minutes, and a key revoked meanwhile must stop it, not only the key's next request.
 */
@RequestScoped
public class KeyInForce {

    /** The identity attribute holding the hash of the request's key. */
    static final String KEY_HASH = "prisonwatch.key-hash";

    @Inject
    SecurityIdentity identity;

    @Inject
    ApiKeyService keys;

    /** Whether this request was sent with the key of this hash (SHA-256, hex): compared in constant time. */
    public boolean hasHash(String keyHash) {
        String hash = identity.getAttribute(KEY_HASH);
        return hash != null && keyHash != null && MessageDigest.isEqual(hash.getBytes(StandardCharsets.US_ASCII),
                keyHash.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * A check for this request's key, to run as the response goes on, on any thread: it throws (a 401 problem, while
     * the response has not begun) once the key is revoked, at once for a revocation made on this instance and within
     * {@code prisonwatch.key-cache.ttl} for one made on another, as a new request would find. An anonymous request
     * has no key to lose.
     */
    public Runnable check() {
        String hash = identity.getAttribute(KEY_HASH);
        if (hash == null) {
            return () -> {
            };
        }
        return () -> {
            if (keys.authenticate(hash).isEmpty()) {
                throw new ProblemException(ProblemType.UNAUTHENTICATED, "The key this request was sent with has "
                        + "been revoked");
            }
        };
    }
}
