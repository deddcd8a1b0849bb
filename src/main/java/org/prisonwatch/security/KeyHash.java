package org.prisonwatch.security;

import java.security.SecureRandom;
import java.util.Base64;
import org.prisonwatch.secrets.Sha256;

/**
 * Making and hashing keys. Keys carry 256 random bits, so a plain SHA-256 is enough to store them: there is no
 * dictionary to attack, and a fast hash keeps the per-request lookup cheap.
 */
public final class KeyHash {

    public static final String PREFIX = "pw_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyHash() {
    }

    public static String newKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String of(String key) {
        return Sha256.hex(key);
    }
}
